'use strict'

const { createPool } = require('../lib/db')
const { createHemera } = require('../lib/hemera')

async function main() {
  const pool = await createPool({ max: 10 })
  const hemera = createHemera('inventory-service')

  await hemera.ready()

  hemera.add({ topic: 'inventory', cmd: 'reserve' }, async function (req) {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const { rows } = await client.query(
        'SELECT on_hand, reserved FROM stock WHERE sku = $1 AND warehouse = $2 FOR UPDATE',
        [req.sku, req.warehouse]
      )
      if (!rows[0] || rows[0].on_hand - rows[0].reserved < req.qty) {
        await client.query('ROLLBACK')
        return { ok: false, reason: 'insufficient_stock' }
      }
      await client.query(
        'UPDATE stock SET reserved = reserved + $3 WHERE sku = $1 AND warehouse = $2',
        [req.sku, req.warehouse, req.qty]
      )
      await client.query(
        'INSERT INTO reservations (order_id, sku, warehouse, qty) VALUES ($1, $2, $3, $4)',
        [req.orderId, req.sku, req.warehouse, req.qty]
      )
      await client.query('COMMIT')
      return { ok: true }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  })

  hemera.add({ topic: 'inventory', cmd: 'level' }, async function (req) {
    const { rows } = await pool.query(
      'SELECT warehouse, on_hand - reserved AS available FROM stock WHERE sku = $1',
      [req.sku]
    )
    return rows
  })

  const stop = async () => {
    await hemera.close()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
