import { ApiRouteConfig, Handlers } from 'motia';
import { Pool } from 'pg';
import { z } from 'zod';

const bodySchema = z.object({
  customerId: z.string().uuid(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1),
  currency: z.enum(['EUR', 'USD', 'GBP']).default('EUR'),
});

export const config: ApiRouteConfig = {
  type: 'api',
  name: 'CreateOrder',
  description: 'Accepts a new order and emits order.created',
  method: 'POST',
  path: '/orders',
  bodySchema,
  emits: ['order.created'],
  flows: ['orders'],
};

export const handler: Handlers['CreateOrder'] = async (req, { emit, logger, traceId }) => {
  const body = bodySchema.parse(req.body);
  logger.info('creating order', { customerId: body.customerId, traceId });

  const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  const { rows } = await db.query<{ id: string; total_cents: number }>(
    `INSERT INTO orders (customer_id, currency, lines, total_cents)
     SELECT $1, $2, $3::jsonb, COALESCE(SUM(p.price_cents * l.quantity), 0)
       FROM jsonb_to_recordset($3::jsonb) AS l(sku text, quantity int)
       JOIN products p ON p.sku = l.sku
     RETURNING id, total_cents`,
    [body.customerId, body.currency, JSON.stringify(body.lines)],
  );
  const order = rows[0];

  await emit({
    topic: 'order.created',
    data: { orderId: order.id, customerId: body.customerId, lines: body.lines },
  });

  return {
    status: 201,
    body: { id: order.id, totalCents: order.total_cents, currency: body.currency },
  };
};
