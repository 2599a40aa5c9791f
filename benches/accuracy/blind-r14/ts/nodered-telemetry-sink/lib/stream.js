'use strict';

const { createClient } = require('redis');

const REDIS_URL = process.env.TELEMETRY_REDIS_URL || 'redis://localhost:6379';

async function publishReading(streamKey, deviceId, reading) {
  const client = createClient({ url: REDIS_URL });
  client.on('error', (err) => console.error('[telemetry-sink] redis error', err));
  await client.connect();

  await client.xAdd(
    streamKey,
    '*',
    {
      device: String(deviceId),
      metric: String(reading.metric),
      value: String(reading.value),
    },
    { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 100000 } }
  );
}

module.exports = { publishReading };
