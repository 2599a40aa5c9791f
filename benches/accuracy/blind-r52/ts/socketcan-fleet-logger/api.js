'use strict';

const http = require('node:http');
const { createPool } = require('./db');

const VEHICLE_ID = process.env.VEHICLE_ID || 'unknown';

async function latestSignals(pool) {
  const { rows } = await pool.query(
    `SELECT DISTINCT ON (signal) signal, value, sampled_at
       FROM can_samples
      WHERE vehicle_id = $1 AND sampled_at > now() - interval '10 minutes'
      ORDER BY signal, sampled_at DESC`,
    [VEHICLE_ID],
  );
  return rows;
}

async function main() {
  // separate process from the collector, so it gets its own (small) pool
  const pool = await createPool('api', { max: 2 });

  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/status') {
      try {
        const signals = await latestSignals(pool);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ vehicle: VEHICLE_ID, signals }));
      } catch (err) {
        console.error('status query failed', err.message);
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'database unavailable' }));
      }
      return;
    }
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200).end('ok');
      return;
    }
    res.writeHead(404).end();
  });

  const shutdown = () => {
    server.close(async () => {
      await pool.end();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  server.listen(Number(process.env.PORT || 8080), () => console.log('fleet status API listening'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
