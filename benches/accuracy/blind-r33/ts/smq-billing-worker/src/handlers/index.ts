import { issueInvoice } from "./invoice";
import { processRefund } from "./refund";
import { archiveStatement } from "./archive";

export type Handler = (body: Record<string, unknown>) => Promise<void>;

export const handlers: Record<string, Handler> = {
  "invoice.issue": issueInvoice,
  "refund.process": processRefund,
  "statement.archive": archiveStatement,
};
