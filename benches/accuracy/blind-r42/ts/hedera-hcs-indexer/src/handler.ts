import { Redis } from 'ioredis'
import type { TopicMessage } from '@hashgraph/sdk'
import { pool } from './db.js'

type Attestation = {
  lotId: string
  step: 'harvested' | 'processed' | 'shipped' | 'received'
  site: string
  at: string
}

export async function handleTopicMessage(topicId: string, message: TopicMessage): Promise<void> {
  const seq = message.sequenceNumber.toString()
  const consensusAt = message.consensusTimestamp.toDate()
  const attestation = JSON.parse(Buffer.from(message.contents).toString('utf8')) as Attestation

  const client = await pool.connect()
  await client.query('BEGIN')
  const inserted = await client.query(
    `INSERT INTO attestations (topic_id, sequence_number, lot_id, step, site, attested_at, consensus_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (topic_id, sequence_number) DO NOTHING`,
    [topicId, seq, attestation.lotId, attestation.step, attestation.site, attestation.at, consensusAt],
  )
  if (inserted.rowCount === 0) {
    // Replayed after a resubscribe: already indexed.
    return
  }
  await client.query(
    `INSERT INTO hcs_cursor (topic_id, consensus_at) VALUES ($1, $2)
     ON CONFLICT (topic_id) DO UPDATE SET consensus_at = EXCLUDED.consensus_at`,
    [topicId, consensusAt],
  )
  await client.query('COMMIT')
  client.release()

  // Notify the lot-tracking UI.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  await redis.publish(`lot:${attestation.lotId}`, JSON.stringify({ seq, ...attestation }))
  await redis.quit()
}
