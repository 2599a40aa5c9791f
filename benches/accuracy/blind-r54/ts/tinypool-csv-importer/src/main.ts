import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage } from 'node:http';
import Tinypool from 'tinypool';
import { COLUMNS, ImportTask, JobState } from './types.js';

const pool = new Tinypool({
  filename: new URL('./worker.js', import.meta.url).href,
  minThreads: 1,
  maxThreads: Number(process.env.IMPORT_THREADS ?? 4),
  idleTimeout: 60_000,
});

const jobs = new Map<string, JobState>();

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  res.setHeader('content-type', 'application/json');

  if (req.method === 'POST' && url.pathname === '/imports') {
    const body = await readJson(req);
    if (!(body.table in COLUMNS)) {
      res.writeHead(400).end(JSON.stringify({ error: 'unknown table' }));
      return;
    }
    const task: ImportTask = {
      jobId: randomUUID(),
      tenantId: String(body.tenantId),
      bucket: process.env.IMPORT_BUCKET ?? 'tenant-imports',
      key: String(body.key),
      table: body.table,
    };
    jobs.set(task.jobId, { status: 'queued', queuedAt: new Date().toISOString() });
    pool
      .run(task, { name: 'importCsv' })
      .then((result) => jobs.set(task.jobId, { status: 'done', result }))
      .catch((err: Error) => jobs.set(task.jobId, { status: 'failed', error: err.message }));
    res.writeHead(202).end(JSON.stringify({ jobId: task.jobId }));
    return;
  }

  if (req.method === 'GET' && url.pathname.startsWith('/imports/')) {
    const state = jobs.get(url.pathname.slice('/imports/'.length));
    res.writeHead(state ? 200 : 404).end(JSON.stringify(state ?? { error: 'not found' }));
    return;
  }

  if (req.method === 'DELETE' && url.pathname === '/imports') {
    const body = await readJson(req);
    const deleted = await pool.run(
      { tenantId: String(body.tenantId), table: body.table, olderThanDays: Number(body.olderThanDays ?? 90) },
      { name: 'purgeTenant' }
    );
    res.writeHead(200).end(JSON.stringify({ deleted }));
    return;
  }

  res.writeHead(404).end(JSON.stringify({ error: 'not found' }));
});

server.listen(Number(process.env.PORT ?? 8080));

process.on('SIGTERM', async () => {
  server.close();
  await pool.destroy();
  process.exit(0);
});
