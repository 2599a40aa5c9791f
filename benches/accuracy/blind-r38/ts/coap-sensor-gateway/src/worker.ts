import { decodeReading } from './reading.js';
import { createPool } from './db.js';
import { openChannel, READINGS_QUEUE } from './amqp.js';

const pool = createPool('worker');
const { client: amqp, channel } = await openChannel(process.env.AMQP_URL ?? 'amqp://localhost');
await channel.prefetch(20);

const queue = await channel.queue(READINGS_QUEUE, { durable: true });

// One call per delivered message.
const consumer = await queue.subscribe({ noAck: false }, async (msg) => {
  const deviceId = String(msg.properties.headers?.deviceId ?? '');
  const reading = decodeReading(msg.body ?? new Uint8Array());

  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query(
      'INSERT INTO readings (device_id, metric, value, measured_at) VALUES ($1, $2, $3, to_timestamp($4))',
      [deviceId, reading.metric, reading.value, reading.ts],
    );
    await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [deviceId]);
    await db.query('COMMIT');
    await msg.ack();
  } catch (err) {
    await db.query('ROLLBACK');
    console.error('could not store reading', deviceId, err);
    await msg.nack(false);
  } finally {
    db.release();
  }
});

process.once('SIGTERM', async () => {
  await consumer.cancel();
  await amqp.close();
  await pool.end();
});

await consumer.wait();
