import restify from 'restify'
import { createDb } from './db'
import { registerProductRoutes } from './routes/products'

async function main() {
  const db = createDb(process.env.DATABASE_URL ?? 'postgres://localhost/catalog')
  await db.raw('select 1')

  const server = restify.createServer({ name: 'catalog', version: '3.1.0' })
  server.use(restify.plugins.queryParser())
  server.use(restify.plugins.bodyParser())

  server.get('/health', async (_req, res) => {
    await db.raw('select 1')
    res.send({ ok: true })
  })
  registerProductRoutes(server, db)

  server.listen(Number(process.env.PORT ?? 8080), () => {
    console.log('%s listening at %s', server.name, server.url)
  })

  const shutdown = async () => {
    server.close()
    await db.destroy()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
