import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderPage } from 'vike/server';

const clientDir = join(process.cwd(), 'dist/client');

const server = createServer(async (req, res) => {
  const url = req.url ?? '/';
  const asset = join(clientDir, url.split('?')[0]);
  if (url.startsWith('/assets/') && existsSync(asset)) {
    createReadStream(asset).pipe(res);
    return;
  }

  const pageContext = await renderPage({ urlOriginal: url, headersOriginal: req.headers });
  const { httpResponse } = pageContext;
  if (!httpResponse) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.statusCode = httpResponse.statusCode;
  for (const [name, value] of httpResponse.headers) res.setHeader(name, value);
  httpResponse.pipe(res);
});

server.listen(Number(process.env.PORT ?? 3000));
