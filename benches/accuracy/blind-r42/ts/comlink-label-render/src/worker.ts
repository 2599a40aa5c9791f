import { parentPort, threadId } from 'node:worker_threads'
import * as Comlink from 'comlink'
import nodeEndpoint from 'comlink/dist/umd/node-adapter'
import bwipjs from 'bwip-js'
import { Pool } from 'pg'
import Redis from 'ioredis'

// Evaluated once per worker thread; server.ts starts a fixed number of threads at boot,
// so this is a handful of small pools for the life of the process.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 2,
  application_name: `label-render-${threadId}`,
})
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 })

type Shipment = { tracking_number: string; service: string; ship_to: string; weight_grams: number }

async function loadShipment(id: string): Promise<Shipment | null> {
  const cached = await redis.get(`shipment:${id}`)
  if (cached) return JSON.parse(cached)

  const client = await pool.connect()
  try {
    const { rows } = await client.query<Shipment>(
      `SELECT s.tracking_number, s.service, a.formatted AS ship_to, s.weight_grams
         FROM shipments s JOIN addresses a ON a.id = s.ship_to_id
        WHERE s.id = $1`,
      [id],
    )
    if (rows.length === 0) return null
    await client.query('UPDATE shipments SET label_rendered_at = now() WHERE id = $1', [id])
    await redis.set(`shipment:${id}`, JSON.stringify(rows[0]), 'EX', 300)
    return rows[0]
  } finally {
    client.release()
  }
}

const api = {
  async renderLabel(shipmentId: string, scale = 3): Promise<Uint8Array | null> {
    const shipment = await loadShipment(shipmentId)
    if (!shipment) return null
    const png = await bwipjs.toBuffer({
      bcid: 'code128',
      text: shipment.tracking_number,
      scale,
      height: 18,
      includetext: true,
      alttext: `${shipment.service} · ${Math.ceil(shipment.weight_grams / 1000)} kg`,
    })
    return new Uint8Array(png)
  },

  async close(): Promise<void> {
    await Promise.allSettled([pool.end(), redis.quit()])
  },
}

export type LabelApi = typeof api

Comlink.expose(api, nodeEndpoint(parentPort!))
