import type { FastifyInstance } from 'fastify';

export default async function orderRoutes(fastify: FastifyInstance) {
  fastify.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    const cacheKey = `${request.tenantId}:order:${request.params.id}`;
    const hit = await fastify.redis.get(cacheKey);
    if (hit) return JSON.parse(hit);

    const order = await request.tenantDb.collection('orders').findOne({ ref: request.params.id });
    if (!order) return reply.code(404).send({ error: 'not found' });
    await fastify.redis.set(cacheKey, JSON.stringify(order), 'EX', 60);
    return order;
  });

  fastify.post<{ Params: { id: string }; Body: { amount: number } }>('/orders/:id/refunds', async (request, reply) => {
    const client = await fastify.pg.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        'INSERT INTO refunds (tenant_id, order_ref, amount) VALUES ($1, $2, $3) RETURNING id',
        [request.tenantId, request.params.id, request.body.amount],
      );
      await client.query('UPDATE ledger SET balance = balance - $1 WHERE tenant_id = $2', [
        request.body.amount,
        request.tenantId,
      ]);
      await client.query('COMMIT');
      return reply.code(201).send({ refundId: rows[0].id });
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  });
}
