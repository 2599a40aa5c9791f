import { Server } from 'bittorrent-tracker';
import Redis from 'ioredis';
import { createPool } from './db.js';
import { makeFilter } from './filter.js';
import { makeStatsRecorder } from './stats.js';

async function main() {
  const pool = await createPool(process.env.TRACKER_DATABASE_URL ?? 'postgres://tracker@localhost/tracker');
  const redis = new Redis(process.env.TRACKER_REDIS_URL ?? 'redis://localhost:6379/3');
  const stats = makeStatsRecorder(pool);

  const server = new Server({
    udp: true,
    http: true,
    ws: false,
    stats: false,
    trustProxy: true,
    filter: makeFilter({ pool, redis }),
  });

  server.on('error', (err) => console.error('tracker error', err.message));
  server.on('warning', (err) => console.warn('tracker warning', err.message));
  server.on('start', stats.record('started'));
  server.on('complete', stats.record('completed'));
  server.on('stop', stats.record('stopped'));

  const flushTimer = setInterval(() => void stats.flush(), 5000);

  const port = Number(process.env.PORT ?? 8000);
  server.listen(port, () => console.log(`tracker listening on ${port} (http + udp)`));

  const shutdown = () => {
    clearInterval(flushTimer);
    server.close(async () => {
      await stats.flush();
      await pool.end();
      redis.disconnect();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
