import http from 'node:http'
import OAuth2Server, { Request, Response, OAuthError } from '@node-oauth/oauth2-server'
import { model } from './model.js'

const oauth = new OAuth2Server({
  model,
  accessTokenLifetime: 3600,
  allowBearerTokensInQueryString: false,
  requireClientAuthentication: { password: false },
})

async function readForm(req: http.IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
}

function send(res: http.ServerResponse, response: Response): void {
  res.writeHead(response.status ?? 200, { 'content-type': 'application/json', ...(response.headers ?? {}) })
  res.end(JSON.stringify(response.body ?? {}))
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const request = new Request({
    method: req.method,
    headers: req.headers,
    query: Object.fromEntries(url.searchParams),
    body: req.method === 'POST' ? await readForm(req) : {},
  })
  const response = new Response({ headers: {} })

  try {
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      await oauth.token(request, response)
      return send(res, response)
    }
    if (req.method === 'GET' && url.pathname === '/oauth/introspect') {
      const token = await oauth.authenticate(request, response, { scope: ['introspect'] })
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ active: true, client_id: token.client.id, sub: token.user.id }))
    }
    res.writeHead(404).end()
  } catch (err) {
    const status = err instanceof OAuthError ? err.code : 500
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: err instanceof OAuthError ? err.name : 'server_error' }))
  }
})

server.listen(Number(process.env.PORT ?? 8080))
