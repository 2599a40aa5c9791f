import http from 'node:http';
import sockjs, { type Connection } from 'sockjs';
import { Redis } from 'ioredis';
import { Queue } from 'node-resque';
import { createKnex, DONE_CHANNEL, QUEUE, REDIS_URL } from '../db/knex.js';

const db = createKnex('reports-web');
const queue = new Queue({ connection: { redis: new Redis(REDIS_URL) } });
const subscriber = new Redis(REDIS_URL);

// userId -> open SockJS connections of that user
const sockets = new Map<string, Set<Connection>>();

interface ClientMessage {
  type: 'hello' | 'request-report';
  userId?: string;
  periodStart?: string;
  periodEnd?: string;
}

const service = sockjs.createServer({ prefix: '/reports', log: () => undefined });

service.on('connection', (conn) => {
  let userId: string | undefined;

  conn.on('data', async (raw: string) => {
    const msg = JSON.parse(raw) as ClientMessage;
    if (msg.type === 'hello' && msg.userId) {
      userId = msg.userId;
      if (!sockets.has(userId)) sockets.set(userId, new Set());
      sockets.get(userId)!.add(conn);
      return;
    }
    if (msg.type === 'request-report' && userId) {
      const [reportId] = await db('reports').insert({
        owner_id: userId,
        period_start: msg.periodStart,
        period_end: msg.periodEnd,
        status: 'queued',
      });
      await queue.enqueue(QUEUE, 'renderReport', [reportId]);
      conn.write(JSON.stringify({ type: 'queued', reportId }));
    }
  });

  conn.on('close', () => {
    if (userId) sockets.get(userId)?.delete(conn);
  });
});

subscriber.on('message', async (channel, payload) => {
  const { reportId, owner } = JSON.parse(payload) as { reportId: number; owner: string };
  const rows = await db('report_rows').where({ report_id: reportId });
  for (const conn of sockets.get(owner) ?? []) {
    conn.write(JSON.stringify({ type: 'done', reportId, rows }));
  }
});

async function main() {
  await queue.connect();
  await subscriber.subscribe(DONE_CHANNEL);

  const server = http.createServer();
  service.installHandlers(server);
  server.listen(Number(process.env.PORT ?? 9999), () => console.log('reports web up'));

  process.on('SIGTERM', async () => {
    server.close();
    await queue.end();
    subscriber.disconnect();
    await db.destroy();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
