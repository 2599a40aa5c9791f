import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from 'mongodb';
import type { Pool } from 'undici';

export interface ActivityDeps {
  db: Db;
  payments: Pool;
  apiKey: string;
}

export interface Invoice {
  _id: string;
  customerId: string;
  amountCents: number;
  currency: string;
  status: 'open' | 'charged' | 'failed';
  chargeId?: string;
}

// Built once by the worker; every activity invocation closes over the same clients.
export function createActivities({ db, payments, apiKey }: ActivityDeps) {
  const invoices = db.collection<Invoice>('invoices');

  return {
    async loadInvoice(invoiceId: string): Promise<Invoice> {
      const invoice = await invoices.findOne({ _id: invoiceId });
      if (!invoice) throw ApplicationFailure.nonRetryable(`invoice ${invoiceId} not found`);
      return invoice;
    },

    async chargeInvoice(invoice: Invoice): Promise<string> {
      const { statusCode, body } = await payments.request({
        method: 'POST',
        path: '/v1/charges',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': `invoice-${invoice._id}`,
        },
        body: JSON.stringify({
          customer: invoice.customerId,
          amount: invoice.amountCents,
          currency: invoice.currency,
        }),
        signal: Context.current().cancellationSignal,
      });
      const result = (await body.json()) as { id?: string; error?: { message: string } };
      if (statusCode >= 400) {
        throw ApplicationFailure.retryable(result.error?.message ?? `payment API ${statusCode}`);
      }
      return result.id!;
    },

    async markCharged(invoiceId: string, chargeId: string): Promise<void> {
      await invoices.updateOne({ _id: invoiceId }, { $set: { status: 'charged', chargeId } });
    },
  };
}
