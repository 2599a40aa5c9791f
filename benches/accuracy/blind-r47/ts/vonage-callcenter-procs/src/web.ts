import http from 'node:http'
import { verifySignature } from '@vonage/jwt'
import { createDb } from './db.js'
import { callEvents, recordings } from './schema.js'

const { db, pool } = await createDb(process.env.DATABASE_URL!, { max: 8 })
const signatureSecret = process.env.VONAGE_SIGNATURE_SECRET!

type Handler = (req: http.IncomingMessage, body: any) => Promise<[number, unknown]>

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
}

const routes: Record<string, Handler> = {
  // answer_url: returns the NCCO for an inbound call
  'GET /webhooks/answer': async () => [
    200,
    [
      { action: 'talk', text: 'Thanks for calling. This call may be recorded for training.' },
      { action: 'record', eventUrl: [`${process.env.PUBLIC_URL}/webhooks/recording`], beepStart: true },
      { action: 'connect', endpoint: [{ type: 'app', user: 'queue-agents' }] },
    ],
  ],

  // event_url: one request per call state change
  'POST /webhooks/event': async (_req, body) => {
    await db.insert(callEvents).values({
      callUuid: body.uuid,
      status: body.status,
      fromNumber: body.from ?? null,
      toNumber: body.to ?? null,
      durationSec: body.duration ? Number(body.duration) : null,
    })
    return [204, null]
  },

  'POST /webhooks/recording': async (_req, body) => {
    await db.insert(recordings).values({ callUuid: body.conversation_uuid, recordingUrl: body.recording_url })
    return [204, null]
  },
}

const server = http.createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  const handler = routes[`${req.method} ${path}`]
  if (!handler) {
    res.writeHead(404).end()
    return
  }
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
  if (req.method === 'POST' && !verifySignature(token, signatureSecret)) {
    res.writeHead(401).end()
    return
  }
  try {
    const [status, payload] = await handler(req, req.method === 'POST' ? await readJson(req) : {})
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(payload === null ? undefined : JSON.stringify(payload))
  } catch (err) {
    console.error(`${req.method} ${path} failed`, err)
    res.writeHead(500).end()
  }
})

server.listen(Number(process.env.PORT ?? 3000))
process.on('SIGTERM', () => server.close(() => void pool.end()))
