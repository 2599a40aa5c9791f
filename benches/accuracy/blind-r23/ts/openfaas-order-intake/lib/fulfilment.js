'use strict'

const { Pool } = require('undici')
const { readSecret } = require('./db')

function fulfilmentClient () {
  return new Pool(process.env.FULFILMENT_URL, {
    connections: 16,
    pipelining: 1,
    keepAliveTimeout: 30_000
  })
}

async function submitShipment (client, order) {
  const { statusCode, body } = await client.request({
    path: '/v2/shipments',
    method: 'POST',
    headers: {
      authorization: `Bearer ${readSecret('fulfilment-token')}`,
      'content-type': 'application/json'
    },
    body: JSON.stringify({
      reference: order.reference,
      address: order.shipTo,
      parcels: order.lines.map(l => ({ sku: l.sku, qty: l.qty }))
    })
  })
  const payload = await body.json()
  if (statusCode >= 300) {
    throw new Error(`fulfilment rejected ${order.reference}: ${statusCode} ${payload.error}`)
  }
  return payload.shipmentId
}

module.exports = { fulfilmentClient, submitShipment }
