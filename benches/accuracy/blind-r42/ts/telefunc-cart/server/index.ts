import http from 'node:http'
import { telefunc } from 'telefunc'
import { createServer as createViteServer } from 'vite'
import { redis, closeAll } from './db.js'
import './context.js'

const isProduction = process.env.NODE_ENV === 'production'

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

function sessionIdFrom(req: http.IncomingMessage): string | null {
  const cookie = req.headers.cookie ?? ''
  const match = /(?:^|;\s*)sid=([^;]+)/.exec(cookie)
  return match ? decodeURIComponent(match[1]) : null
}

async function main() {
  const vite = isProduction
    ? null
    : await createViteServer({ server: { middlewareMode: true }, appType: 'spa' })

  const server = http.createServer(async (req, res) => {
    if (req.url?.startsWith('/_telefunc')) {
      const sessionId = sessionIdFrom(req)
      const userId = sessionId ? await redis.get(`session:${sessionId}`) : null
      const httpResponse = await telefunc({
        url: req.url,
        method: req.method ?? 'POST',
        body: await readBody(req),
        context: { userId, sessionId },
      })
      res.writeHead(httpResponse.statusCode, { 'content-type': httpResponse.contentType })
      res.end(httpResponse.body)
      return
    }
    if (vite) {
      vite.middlewares(req, res)
      return
    }
    res.writeHead(404).end()
  })

  server.listen(Number(process.env.PORT ?? 3000))

  process.on('SIGTERM', () => {
    server.close(async () => {
      await vite?.close()
      await closeAll()
    })
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
