module.exports.routes = {
  'POST /api/v1/invoices': { action: 'invoices/create' },
  'POST /api/v1/invoices/:id/pay': { action: 'invoices/pay' },
  'GET /api/v1/invoices/export': { action: 'invoices/export' },
};
