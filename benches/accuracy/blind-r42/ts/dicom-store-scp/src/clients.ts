import pg from 'pg'
import { S3Client } from '@aws-sdk/client-s3'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Called once from main(). The archive DB is often still starting when the SCP container
// comes up, so probe it a few times before giving up.
export async function connectIndexDb(attempts = 10): Promise<pg.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 })
    try {
      await pool.query('SELECT 1')
      return pool
    } catch (err) {
      await pool.end().catch(() => {})
      if (attempt >= attempts) throw err
      console.warn(`index DB not ready (attempt ${attempt}/${attempts}), retrying`)
      await sleep(Math.min(1000 * 2 ** attempt, 15_000))
    }
  }
}

export function createArchiveS3(): S3Client {
  return new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' })
}
