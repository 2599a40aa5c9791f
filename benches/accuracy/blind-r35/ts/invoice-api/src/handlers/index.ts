import { getInvoice, convertInvoice } from './invoices.js';
import { agingReport } from './reports.js';

// operationId -> handler, registered with openapi-backend in server.ts
export const operations = {
  getInvoice,
  convertInvoice,
  agingReport,
};
