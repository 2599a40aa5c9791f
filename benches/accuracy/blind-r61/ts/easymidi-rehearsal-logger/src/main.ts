import easymidi from 'easymidi';
import { Redis } from 'ioredis';
import { openPool } from './db.js';
import { makeHandlers } from './handlers.js';

async function main(): Promise<void> {
  const portName =
    process.env.MIDI_INPUT ?? easymidi.getInputs().find((n) => n.includes('Stage')) ?? easymidi.getInputs()[0];
  if (!portName) throw new Error('no MIDI input found');

  const pool = await openPool();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const handlers = makeHandlers({ pool, redis, room: process.env.ROOM ?? 'room-a' });

  const input = new easymidi.Input(portName);
  input.on('noteon', handlers.noteOn);
  input.on('start', () => handlers.start().catch((e) => console.error('start failed', e)));
  input.on('stop', () => handlers.stop().catch((e) => console.error('stop failed', e)));

  const timer = setInterval(() => {
    handlers.flush().catch((e) => console.error('flush failed', e));
  }, 10_000);
  console.log(`listening on "${portName}"`);

  const shutdown = async () => {
    clearInterval(timer);
    input.close();
    await handlers.flush().catch(() => {});
    await handlers.stop().catch(() => {});
    await pool.end();
    await redis.quit();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
