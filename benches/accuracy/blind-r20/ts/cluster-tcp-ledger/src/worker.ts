import net from 'node:net';
import readline from 'node:readline';
import Redis from 'ioredis';
import { createPool } from './db.js';
import { handleCommand } from './commands.js';

export async function startWorker() {
  const pool = createPool();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });

  const server = net.createServer((socket) => {
    socket.setKeepAlive(true, 30_000);
    const lines = readline.createInterface({ input: socket, crlfDelay: Infinity });

    lines.on('line', async (line) => {
      try {
        const reply = await handleCommand(line, { pool, redis });
        socket.write(`${reply}\r\n`);
      } catch (err) {
        socket.write(`ERR ${(err as Error).message}\r\n`);
      }
    });

    socket.on('error', () => socket.destroy());
  });

  server.listen(Number(process.env.PORT ?? 7070), () => {
    console.log(`worker ${process.pid} accepting connections`);
  });

  process.once('SIGTERM', () => {
    server.close(async () => {
      await pool.end();
      redis.disconnect();
      process.exit(0);
    });
  });
}
