'use strict';

const can = require('socketcan');
const { createPool } = require('./db');

const VEHICLE_ID = process.env.VEHICLE_ID || 'unknown';
const IFACE = process.env.CAN_IFACE || 'can0';

// J1939-ish decoding for the handful of signals the fleet dashboard shows.
const DECODERS = {
  0x0cf00400: (d) => ({ signal: 'engine_rpm', value: d.readUInt16LE(3) * 0.125 }),
  0x18fef100: (d) => ({ signal: 'vehicle_speed_kmh', value: d.readUInt16LE(1) / 256 }),
  0x18feee00: (d) => ({ signal: 'coolant_temp_c', value: d[0] - 40 }),
  0x18fefc00: (d) => ({ signal: 'fuel_level_pct', value: d[1] * 0.4 }),
};

async function main() {
  const pool = await createPool('collector', { max: 2 });
  const latest = new Map();

  const channel = can.createRawChannel(IFACE, true);
  channel.addListener('onMessage', (frame) => {
    const decode = DECODERS[frame.id];
    if (!decode || frame.rtr) return;
    const { signal, value } = decode(frame.data);
    latest.set(signal, { value, at: new Date(frame.ts_sec * 1000 + Math.floor(frame.ts_usec / 1000)) });
  });
  channel.addListener('onStopped', () => console.warn(`${IFACE} stopped`));

  async function flush() {
    if (latest.size === 0) return;
    const samples = [...latest.entries()];
    latest.clear();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const [signal, { value, at }] of samples) {
        await client.query(
          'INSERT INTO can_samples (vehicle_id, signal, value, sampled_at) VALUES ($1, $2, $3, $4)',
          [VEHICLE_ID, signal, value, at],
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  const timer = setInterval(() => {
    flush().catch((err) => console.error('flush failed', err.message));
  }, 1000);

  const shutdown = async () => {
    clearInterval(timer);
    channel.stop();
    await flush().catch(() => {});
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  channel.start();
  console.log(`collecting ${IFACE} for vehicle ${VEHICLE_ID}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
