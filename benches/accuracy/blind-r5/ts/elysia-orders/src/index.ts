import { Elysia } from 'elysia'
import { ordersRoutes } from './routes/orders'
import { invoicesRoutes } from './routes/invoices'

const app = new Elysia()
  .get('/health', () => ({ ok: true }))
  .use(ordersRoutes)
  .use(invoicesRoutes)
  .listen(Number(process.env.PORT ?? 3000))

console.log(`orders api listening on ${app.server?.hostname}:${app.server?.port}`)
