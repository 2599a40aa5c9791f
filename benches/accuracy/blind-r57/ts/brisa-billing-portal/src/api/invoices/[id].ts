import type { RequestContext } from 'brisa';
import { findInvoice, invoiceLines, markViewed } from '../../lib/db';

function customerOf(request: RequestContext): string | null {
  // set by the auth gateway in front of the portal
  return request.headers.get('x-customer-id');
}

export async function GET(request: RequestContext) {
  const customerId = customerOf(request);
  if (!customerId) {
    return new Response('unauthorized', { status: 401 });
  }

  const { id } = request.route.params;
  const invoice = await findInvoice(customerId, id);
  if (!invoice) {
    return new Response('not found', { status: 404 });
  }

  const lines = await invoiceLines(invoice.id);
  await markViewed(invoice.id);

  return new Response(
    JSON.stringify({
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      total: invoice.total_cents / 100,
      issuedAt: invoice.issued_at,
      dueAt: invoice.due_at,
      lines: lines.map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unit_cents / 100,
        amount: (l.quantity * l.unit_cents) / 100,
      })),
    }),
    { headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=30' } },
  );
}
