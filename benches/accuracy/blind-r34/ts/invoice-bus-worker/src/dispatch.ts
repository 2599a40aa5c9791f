import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { handleInvoiceIssued, handleInvoicePaid } from './handlers/invoices';

type Handler = (body: any, message: ServiceBusReceivedMessage) => Promise<void>;

const handlers: Record<string, Handler> = {
  'invoice.issued': handleInvoiceIssued,
  'invoice.paid': handleInvoicePaid,
};

export async function dispatch(message: ServiceBusReceivedMessage): Promise<void> {
  const subject = message.subject ?? '';
  const handler = handlers[subject];
  if (!handler) {
    console.warn(`no handler for subject "${subject}", dropping ${message.messageId}`);
    return;
  }
  await handler(message.body, message);
}
