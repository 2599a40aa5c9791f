import type { Context, StructuredReturn } from 'faas-js-runtime'
import { pool } from './db'
import { redisFor, closeTenantClients } from './tenants'

type QuoteRequest = {
  originZip: string
  destZip: string
  weightKg: number
  service: 'ground' | 'express'
}

/**
 * Invoked by the faas-js-runtime HTTP server for every request routed to this function.
 */
const handle = async (context: Context, body: QuoteRequest): Promise<StructuredReturn> => {
  const tenant = String(context.headers['x-tenant'] ?? '')
  if (context.method !== 'POST' || !tenant) {
    return { statusCode: 400, body: { error: 'POST with X-Tenant header required' } }
  }

  const redis = redisFor(tenant)
  const cacheKey = `quote:${body.originZip}:${body.destZip}:${body.service}:${Math.ceil(body.weightKg)}`
  const cached = await redis.get(cacheKey)
  if (cached) return { statusCode: 200, headers: { 'x-cache': 'hit' }, body: JSON.parse(cached) }

  const client = await pool.connect()
  try {
    const { rows } = await client.query<{ base_cents: number; per_kg_cents: number; days: number }>(
      `SELECT r.base_cents, r.per_kg_cents, r.transit_days AS days
         FROM rate_cards r
         JOIN zones o ON o.zip_prefix = left($2, 3)
         JOIN zones d ON d.zip_prefix = left($3, 3)
        WHERE r.tenant = $1 AND r.service = $4 AND r.from_zone = o.zone AND r.to_zone = d.zone`,
      [tenant, body.originZip, body.destZip, body.service],
    )
    if (rows.length === 0) {
      return { statusCode: 404, body: { error: 'no rate for lane' } }
    }
    const { base_cents, per_kg_cents, days } = rows[0]
    const quote = { priceCents: base_cents + per_kg_cents * Math.ceil(body.weightKg), transitDays: days }
    await client.query(
      'INSERT INTO quote_log (tenant, origin_zip, dest_zip, service, price_cents) VALUES ($1, $2, $3, $4, $5)',
      [tenant, body.originZip, body.destZip, body.service, quote.priceCents],
    )
    await redis.set(cacheKey, JSON.stringify(quote), 'EX', 900)
    context.log.info({ tenant, quote }, 'quoted')
    return { statusCode: 200, headers: { 'x-cache': 'miss' }, body: quote }
  } finally {
    client.release()
  }
}

const shutdown = async (): Promise<void> => {
  await closeTenantClients()
  await pool.end()
}

export { handle, shutdown }
