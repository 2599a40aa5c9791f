import { readFileSync } from 'node:fs';
import TuyAPI from 'tuyapi';
import Redis from 'ioredis';
import { connectWithRetry } from './db';
import { makeReadingHandler } from './handlers';

interface PlugConfig {
  name: string;
  id: string;
  key: string;
  ip?: string;
  version?: string;
}

async function main(): Promise<void> {
  const plugs: PlugConfig[] = JSON.parse(readFileSync(process.env.DEVICES_FILE ?? 'devices.json', 'utf8'));
  const pool = await connectWithRetry(process.env.DATABASE_URL ?? 'postgres://energy@localhost/energy');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });

  // One long-lived LAN connection per physical plug, created once here.
  const devices = plugs.map((plug) => {
    const device = new TuyAPI({ id: plug.id, key: plug.key, ip: plug.ip, version: plug.version ?? '3.3', issueRefreshOnConnect: true });
    const onReading = makeReadingHandler(plug.name, { pool, redis });

    device.on('data', (data) => onReading(data).catch((err) => console.error(`[${plug.name}] store failed`, err)));
    device.on('dp-refresh', (data) => onReading(data).catch((err) => console.error(`[${plug.name}] store failed`, err)));
    device.on('connected', () => console.info(`[${plug.name}] connected`));
    device.on('error', (err) => console.error(`[${plug.name}] error`, err));
    device.on('disconnected', () => {
      console.warn(`[${plug.name}] disconnected, reconnecting in 10s`);
      setTimeout(() => device.connect().catch((err) => console.error(`[${plug.name}] reconnect failed`, err)), 10_000);
    });
    return device;
  });

  await Promise.all(devices.map((d) => d.find().then(() => d.connect())));

  // Ask for fresh power values every 30 s (answers arrive as 'dp-refresh').
  const poll = setInterval(() => {
    for (const d of devices) d.refresh({ schema: true }).catch(() => undefined);
  }, 30_000);

  const shutdown = async () => {
    clearInterval(poll);
    devices.forEach((d) => d.disconnect());
    await redis.quit();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
