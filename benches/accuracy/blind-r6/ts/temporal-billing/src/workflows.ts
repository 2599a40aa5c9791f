import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from './activities';

const { loadInvoice, chargeInvoice, markCharged } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '2 seconds' },
});

export async function chargeInvoiceWorkflow(invoiceId: string): Promise<string> {
  const invoice = await loadInvoice(invoiceId);
  if (invoice.status === 'charged') return invoice.chargeId!;
  const chargeId = await chargeInvoice(invoice);
  await markCharged(invoiceId, chargeId);
  return chargeId;
}
