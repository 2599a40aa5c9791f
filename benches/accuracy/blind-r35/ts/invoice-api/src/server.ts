import http from 'node:http';
import OpenAPIBackend, { type Context } from 'openapi-backend';
import { operations } from './handlers/index.js';

const api = new OpenAPIBackend({ definition: './openapi.yml', quick: false });

api.register({
  ...operations,
  validationFail: async (c: Context) => ({ status: 400, body: { errors: c.validation.errors } }),
  notFound: async () => ({ status: 404, body: { error: 'no such route' } }),
  notImplemented: async () => ({ status: 501, body: { error: 'not implemented' } }),
});

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

await api.init();

http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = await readBody(req);
      const result = (await api.handleRequest(
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers as Record<string, string>,
          body: raw ? JSON.parse(raw) : undefined,
        },
        req,
        res,
      )) as { status: number; body: unknown };
      res.writeHead(result.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result.body));
    } catch (err) {
      console.error(err);
      res.writeHead(500).end();
    }
  })
  .listen(Number(process.env.PORT ?? 8080));
