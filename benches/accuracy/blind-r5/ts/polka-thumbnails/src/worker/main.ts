import { Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import cron from 'node-cron'
import sharp from 'sharp'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { db } from './db.js'
import { THUMBNAIL_QUEUE, type ThumbnailJob } from '../shared/jobs.js'

const BUCKET = process.env.IMAGES_BUCKET ?? 'images'
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' })
const connection = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
  maxRetriesPerRequest: null,
})

async function render(job: Job<ThumbnailJob>) {
  const original = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: job.data.key }))
  const input = Buffer.from(await original.Body!.transformToByteArray())
  const outputs: Record<string, string> = {}
  for (const size of job.data.sizes) {
    const key = `thumbs/${job.data.imageId}/${size}.webp`
    const body = await sharp(input).resize(size, size, { fit: 'inside' }).webp().toBuffer()
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'image/webp' }))
    outputs[size] = key
    await job.updateProgress(Object.keys(outputs).length / job.data.sizes.length)
  }
  await db.query("update images set status = 'ready', thumbnails = $2 where id = $1", [
    job.data.imageId,
    outputs,
  ])
}

const worker = new Worker<ThumbnailJob>(THUMBNAIL_QUEUE, render, {
  connection,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
})

worker.on('failed', async (job, err) => {
  if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
    await db.query("update images set status = 'failed', error = $2 where id = $1", [job.data.imageId, err.message])
  }
})

// every night, forget images that never finished uploading
cron.schedule('30 3 * * *', async () => {
  const res = await db.query("delete from images where status = 'pending' and created_at < now() - interval '2 days'")
  console.log(`purged ${res.rowCount} stale images`)
})

process.on('SIGTERM', async () => {
  await worker.close()
  await connection.quit()
  await db.end()
  process.exit(0)
})
