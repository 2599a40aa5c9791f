import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Auth } from '@vonage/auth'
import { Vonage } from '@vonage/server-sdk'
import { eq, sql } from 'drizzle-orm'
import { createDb } from './db.js'
import { recordings } from './schema.js'

// Separate dyno: moves call recordings from Vonage to our S3 archive.
const { db, pool } = await createDb(process.env.DATABASE_URL!, { max: 3 })
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' })
const vonage = new Vonage(
  new Auth({ applicationId: process.env.VONAGE_APPLICATION_ID!, privateKey: process.env.VONAGE_PRIVATE_KEY! }),
)

let running = true
process.on('SIGTERM', () => {
  running = false
})

async function archiveNext(): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: number; call_uuid: string; recording_url: string }>(sql`
      SELECT id, call_uuid, recording_url FROM recordings
      WHERE state = 'pending' AND attempts < 5
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`)
    const job = claimed.rows[0]
    if (!job) return false

    const file = join(tmpdir(), `${job.call_uuid}.mp3`)
    try {
      await vonage.voice.downloadRecording(job.recording_url, file)
      const key = `recordings/${new Date().toISOString().slice(0, 10)}/${job.call_uuid}.mp3`
      await s3.send(
        new PutObjectCommand({ Bucket: process.env.ARCHIVE_BUCKET, Key: key, Body: createReadStream(file) }),
      )
      await tx.update(recordings).set({ state: 'archived', s3Key: key }).where(eq(recordings.id, job.id))
    } catch (err) {
      console.error(`recording ${job.id} failed`, err)
      await tx
        .update(recordings)
        .set({ attempts: sql`${recordings.attempts} + 1` })
        .where(eq(recordings.id, job.id))
    } finally {
      await rm(file, { force: true })
    }
    return true
  })
}

while (running) {
  const didWork = await archiveNext().catch((err) => {
    console.error('archive loop error', err)
    return false
  })
  if (!didWork) await sleep(5000)
}
s3.destroy()
await pool.end()
