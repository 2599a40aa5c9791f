import { createClient } from '@supabase/supabase-js';
import { sql } from '../_shared/db.ts';

const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, {
  auth: { persistSession: false },
});

type StockEvent = { sku: string; on_hand: number; warehouse: string };

Deno.serve(async (req: Request) => {
  if (req.headers.get('x-webhook-secret') !== Deno.env.get('STOCK_WEBHOOK_SECRET')) {
    return new Response('forbidden', { status: 403 });
  }

  const events = (await req.json()) as StockEvent[];
  await sql`
    insert into stock ${sql(events.map((e) => ({ sku: e.sku, on_hand: e.on_hand, warehouse: e.warehouse })))}
    on conflict (sku, warehouse) do update set on_hand = excluded.on_hand`;

  const lowStock = events.filter((e) => e.on_hand < 5).map((e) => e.sku);
  if (lowStock.length > 0) {
    await admin.from('alerts').insert(lowStock.map((sku) => ({ kind: 'low_stock', sku })));
  }
  return new Response(null, { status: 204 });
});
