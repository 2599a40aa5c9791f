import http from 'node:http'
import { control } from './control'
import { closeAllTenants } from './tenants'
import { onConnect, onRpc, onSubscribe, type ProxyRequest } from './handlers'

async function readJson(req: http.IncomingMessage): Promise<ProxyRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end()
    return
  }
  try {
    const body = await readJson(req)
    let reply
    switch (req.url) {
      case '/centrifugo/connect':
        reply = await onConnect(body, req.headers.authorization)
        break
      case '/centrifugo/subscribe':
        reply = await onSubscribe(body)
        break
      case '/centrifugo/rpc':
        reply = await onRpc(body)
        break
      default:
        res.writeHead(404).end()
        return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
  } catch (err) {
    console.error('proxy handler failed', req.url, err)
    res.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { code: 100, message: 'internal error' } }))
  }
})

async function main(): Promise<void> {
  await control.connect()
  server.listen(Number(process.env.PORT ?? 3100), () => console.log('centrifugo proxy backend up'))
}

process.once('SIGTERM', () => {
  server.close(async () => {
    await closeAllTenants()
    await control.close()
    process.exit(0)
  })
})

void main()
