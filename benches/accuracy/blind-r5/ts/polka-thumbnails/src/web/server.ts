import polka from 'polka'
import { json } from '@polka/parse'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { db } from './db.js'
import { THUMBNAIL_QUEUE, type ThumbnailJob } from '../shared/jobs.js'

const connection = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379')
const queue = new Queue<ThumbnailJob>(THUMBNAIL_QUEUE, { connection })

function send(res: any, status: number, payload: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(payload))
}

polka()
  .use(json())
  .post('/images', async (req: any, res) => {
    const { key } = req.body as { key: string }
    const { rows } = await db.query<{ id: string }>(
      "insert into images (s3_key, status) values ($1, 'pending') returning id",
      [key],
    )
    await queue.add('render', { imageId: rows[0].id, key, sizes: [128, 512, 1024] }, { attempts: 3 })
    send(res, 202, { id: rows[0].id })
  })
  .get('/images/:id', async (req, res) => {
    const { rows } = await db.query('select id, status, thumbnails from images where id = $1', [req.params.id])
    if (rows.length === 0) return send(res, 404, { error: 'not found' })
    send(res, 200, rows[0])
  })
  .listen(Number(process.env.PORT ?? 3000), () => {
    console.log('web listening')
  })
