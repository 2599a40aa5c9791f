export const TYPES = {
  DataSource: Symbol.for('DataSource'),
  InvoiceService: Symbol.for('InvoiceService'),
};
