'use strict'

const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3')
const { pool } = require('./lib/db')
const { fulfilmentClient, submitShipment } = require('./lib/fulfilment')

function validate (order) {
  const errors = []
  if (!order || typeof order.reference !== 'string') errors.push('reference is required')
  if (!Array.isArray(order && order.lines) || order.lines.length === 0) errors.push('lines must not be empty')
  if (!order || !order.shipTo || !order.shipTo.postcode) errors.push('shipTo.postcode is required')
  return errors
}

module.exports = async (event, context) => {
  if (event.method !== 'POST') {
    return context.status(405).fail({ error: 'method not allowed' })
  }

  const order = event.body
  const errors = validate(order)
  if (errors.length) {
    return context.status(422).fail({ errors })
  }

  const conn = await pool.getConnection()
  await conn.beginTransaction()
  const [existing] = await conn.query(
    'SELECT id, shipment_id FROM partner_orders WHERE reference = ? FOR UPDATE',
    [order.reference]
  )
  if (existing.length > 0) {
    await conn.rollback()
    return context.status(200).succeed({ duplicate: true, shipmentId: existing[0].shipment_id })
  }

  const [res] = await conn.query(
    'INSERT INTO partner_orders (reference, partner, payload, received_at) VALUES (?, ?, ?, NOW())',
    [order.reference, event.headers['x-partner-id'] || 'unknown', JSON.stringify(order)]
  )

  const client = fulfilmentClient()
  const shipmentId = await submitShipment(client, order)
  await conn.query('UPDATE partner_orders SET shipment_id = ? WHERE id = ?', [shipmentId, res.insertId])
  await conn.commit()
  conn.release()

  const s3 = new S3Client({ region: process.env.AWS_REGION || 'eu-central-1' })
  await s3.send(new PutObjectCommand({
    Bucket: 'acme-partner-orders',
    Key: `${order.reference}.json`,
    Body: JSON.stringify(order),
    ContentType: 'application/json'
  }))

  return context
    .status(201)
    .headers({ 'content-type': 'application/json' })
    .succeed({ id: res.insertId, shipmentId })
}
