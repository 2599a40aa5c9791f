import { Elysia, t } from 'elysia'
import { openDb, type Order } from '../lib/db'
import { cached, redis } from '../lib/cache'

export const ordersRoutes = new Elysia({ prefix: '/orders' })
  .get(
    '/:id',
    async ({ params, error }) => {
      const order = await cached(`order:${params.id}`, 60, async () => {
        const sql = openDb()
        const [row] = await sql<Order[]>`
          select id, customer_id, total_cents, status
          from orders
          where id = ${params.id}
        `
        return row ?? null
      })
      if (!order) return error(404, { message: 'order not found' })
      return order
    },
    { params: t.Object({ id: t.String({ format: 'uuid' }) }) },
  )
  .post(
    '/',
    async ({ body, set }) => {
      const sql = openDb()
      try {
        const [created] = await sql<Order[]>`
          insert into orders ${sql({
            customer_id: body.customerId,
            total_cents: body.totalCents,
            status: 'pending',
          })}
          returning id, customer_id, total_cents, status
        `
        set.status = 201
        return created
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
    {
      body: t.Object({
        customerId: t.String(),
        totalCents: t.Integer({ minimum: 0 }),
      }),
    },
  )
  .delete('/:id/cache', async ({ params }) => {
    await redis.del(`order:${params.id}`)
    return { ok: true }
  })
