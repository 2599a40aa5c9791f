'use strict'

const http = require('node:http')
const { createPool } = require('../lib/db')
const { createHemera } = require('../lib/hemera')

async function readJson(req) {
  let raw = ''
  for await (const chunk of req) raw += chunk
  return raw ? JSON.parse(raw) : {}
}

async function main() {
  // Read-only queries for the storefront go straight to Postgres; writes go
  // through the inventory service over NATS.
  const pool = await createPool({ max: 5 })
  const hemera = createHemera('inventory-gateway')
  await hemera.ready()

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://gateway')
      if (req.method === 'GET' && url.pathname === '/warehouses') {
        const { rows } = await pool.query('SELECT code, name, city FROM warehouses ORDER BY code')
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows))
      } else if (req.method === 'POST' && url.pathname === '/reservations') {
        const body = await readJson(req)
        const { data } = await hemera.act({ topic: 'inventory', cmd: 'reserve', ...body })
        res.writeHead(data.ok ? 201 : 409, { 'content-type': 'application/json' }).end(JSON.stringify(data))
      } else if (req.method === 'GET' && url.pathname.startsWith('/stock/')) {
        const { data } = await hemera.act({ topic: 'inventory', cmd: 'level', sku: url.pathname.slice(7) })
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data))
      } else {
        res.writeHead(404).end()
      }
    } catch (err) {
      console.error(err)
      res.writeHead(502).end('upstream error')
    }
  })

  server.listen(Number(process.env.PORT || 8080))

  process.on('SIGTERM', async () => {
    server.close()
    await hemera.close()
    await pool.end()
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
