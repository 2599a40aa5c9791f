import { readFileSync } from 'node:fs';
import ssh2 from 'ssh2';
import { Redis } from 'ioredis';
import { createPool } from './db.js';
import { ConnectionHandler } from './connection.js';

const pool = createPool();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const server = new ssh2.Server(
  { hostKeys: [readFileSync(process.env.HOST_KEY_PATH ?? '/etc/quota-gw/host_ed25519')] },
  (client) => {
    new ConnectionHandler(client, { pool, redis });
  },
);

server.listen(Number(process.env.SSH_PORT ?? 2222), '0.0.0.0', () => {
  console.log('quota gateway listening');
});

const shutdown = () => {
  server.close();
  void Promise.all([pool.end(), redis.quit()]).then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
