import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import { Pool } from 'pg';

import { logger, shutdownLogging } from './logger';

const pool = new Pool({ connectionString: process.env.RATES_DB_URL, max: 10 });

async function quote(origin: string, destination: string, kg: number) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query(
      'SELECT carrier, base_cents, per_kg_cents FROM lane_rates WHERE origin = $1 AND destination = $2 AND valid_to > now()',
      [origin, destination],
    );
    return rows
      .map((r) => ({ carrier: r.carrier, cents: r.base_cents + Math.ceil(kg) * r.per_kg_cents }))
      .sort((a, b) => a.cents - b.cents);
  } finally {
    client.release();
  }
}

const server = createServer(async (req, res) => {
  // child loggers share the parent's streams; nothing is opened per request
  const log = logger.child({ reqId: req.headers['x-request-id'] ?? randomUUID() });
  const url = new URL(req.url ?? '/', 'http://localhost');
  const started = Date.now();

  try {
    if (url.pathname !== '/quote') {
      res.writeHead(404).end();
      return;
    }
    const origin = url.searchParams.get('from') ?? '';
    const destination = url.searchParams.get('to') ?? '';
    const kg = Number(url.searchParams.get('kg') ?? '0');
    const offers = await quote(origin, destination, kg);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(offers));
    log.info({ origin, destination, kg, offers: offers.length, ms: Date.now() - started }, 'quoted');
  } catch (err) {
    log.error({ err }, 'quote failed');
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 8080), () => logger.info('quote service listening'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    await shutdownLogging();
    process.exit(0);
  });
});
