import 'reflect-metadata'
import { createServer } from 'node:http'
import { createApplication } from 'graphql-modules'
import { createHandler } from 'graphql-http/lib/use/http'
import { closeInfra, createInfra } from './infra'
import { PG_POOL, REDIS } from './tokens'
import { productsModule } from './modules/products'
import { cartModule } from './modules/cart'

async function main() {
  const infra = await createInfra()

  const application = createApplication({
    modules: [productsModule, cartModule],
    providers: [
      { provide: PG_POOL, useValue: infra.pool },
      { provide: REDIS, useValue: infra.redis },
    ],
  })

  const handler = createHandler({
    schema: application.schema,
    execute: application.createExecution(),
    context: (req) => ({
      customerId: String(req.raw.headers['x-customer-id'] ?? 'anonymous'),
    }),
  })

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) {
      handler(req, res)
      return
    }
    res.writeHead(404).end()
  })

  server.listen(Number(process.env.PORT ?? 4000), () => {
    console.log('catalog graph listening')
  })

  process.on('SIGTERM', () => {
    server.close(() => {
      closeInfra(infra).finally(() => process.exit(0))
    })
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
