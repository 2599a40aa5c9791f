import bodyParser from 'body-parser';
import express from 'express';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { makeConversation } from './conversation';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openDatabase(): Promise<mysql.Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = mysql.createPool({
      uri: process.env.DATABASE_URL,
      connectionLimit: 10,
      waitForConnections: true,
      enableKeepAlive: true,
    });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= 10) throw err;
      console.warn(`database not ready (attempt ${attempt}), retrying`);
      await sleep(Math.min(1000 * 2 ** attempt, 15_000));
    }
  }
}

async function main() {
  const db = await openDatabase();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: 2 });

  const assistantApp = makeConversation({ db, redis });

  const server = express()
    .use(bodyParser.json())
    .post('/fulfillment', assistantApp)
    .get('/healthz', (_req, res) => res.send('ok'))
    .listen(Number(process.env.PORT ?? 8080), () => console.log('fulfillment webhook ready'));

  const shutdown = () => {
    server.close(async () => {
      await Promise.allSettled([db.end(), redis.quit()]);
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
