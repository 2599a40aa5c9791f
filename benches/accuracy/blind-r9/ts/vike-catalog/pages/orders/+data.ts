import type { PageContextServer } from 'vike/types';
import { render } from 'vike/abort';
import { query } from '../../database/client';

type OrderRow = { id: number; placed_at: string; status: string; total_cents: number };

export async function data(pageContext: PageContextServer) {
  const customerId = pageContext.urlParsed.search.customer;
  if (!customerId) {
    throw render(400, 'customer is required');
  }
  const orders = await query<OrderRow>(
    'SELECT id, placed_at, status, total_cents FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC',
    [customerId],
  );
  return { orders };
}
