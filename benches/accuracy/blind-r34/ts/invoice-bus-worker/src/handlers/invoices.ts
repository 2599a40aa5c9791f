import sql from 'mssql';
import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { ReceiptArchiver } from '../archive';
import { findCustomer } from '../db/customers';
import { addPaidRevenue } from '../db/reporting';
import { withLedger } from '../ledger';

interface InvoiceIssued {
  invoiceId: string;
  customerId: string;
  pdfBase64: string;
}

interface InvoicePaid {
  invoiceId: string;
  customerId: string;
  amountCents: number;
  paidAt: string;
}

export async function handleInvoiceIssued(body: InvoiceIssued, message: ServiceBusReceivedMessage) {
  const customer = await findCustomer(body.customerId);
  if (!customer) {
    console.warn(`unknown customer ${body.customerId} on ${message.messageId}`);
    return;
  }
  const archiver = new ReceiptArchiver('receipts');
  const url = await archiver.archive(body.invoiceId, body.pdfBase64);
  console.log(`archived ${body.invoiceId} for ${customer.name} at ${url}`);
}

export async function handleInvoicePaid(body: InvoicePaid) {
  const customer = await findCustomer(body.customerId);
  const paidAt = new Date(body.paidAt);

  await withLedger(async (tx) => {
    await new sql.Request(tx)
      .input('invoice', sql.NVarChar(64), body.invoiceId)
      .input('amount', sql.BigInt, body.amountCents)
      .input('paidAt', sql.DateTime2, paidAt)
      .query(
        `INSERT INTO dbo.entries (invoice_id, account, amount_cents, booked_at)
         VALUES (@invoice, 'AR', -@amount, @paidAt), (@invoice, 'BANK', @amount, @paidAt)`,
      );
  });

  await addPaidRevenue(customer?.country ?? 'XX', body.amountCents, paidAt);
}
