import { createServer } from '@hattip/adapter-node';
import { json } from '@hattip/response';
import { createRouter } from '@hattip/router';
import { createSql } from '../shared/db.js';

const sql = createSql('fulfilment-web');
const router = createRouter();

router.get('/shipments/:id', async ctx => {
  const [shipment] = await sql`SELECT id, order_id, warehouse, status, updated_at FROM shipments WHERE id = ${ctx.params.id}`;
  return shipment ? json(shipment) : new Response('not found', { status: 404 });
});

router.get('/orders/:orderId/shipments', async ctx => {
  const rows = await sql`SELECT id, warehouse, status FROM shipments WHERE order_id = ${ctx.params.orderId} ORDER BY id`;
  return json(rows);
});

router.post('/shipments/:id/status', async ctx => {
  const { status } = (await ctx.request.json()) as { status: string };
  const reserved = await sql.reserve();
  try {
    await reserved`SELECT pg_advisory_xact_lock(hashtext(${ctx.params.id}))`;
    await reserved`UPDATE shipments SET status = ${status}, updated_at = now() WHERE id = ${ctx.params.id}`;
  } finally {
    reserved.release();
  }
  return new Response(null, { status: 204 });
});

createServer(router.buildHandler()).listen(Number(process.env.PORT ?? 3000), () => {
  console.log('fulfilment web listening');
});
