import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { CosmosClient } from '@azure/cosmos';
import { pool } from './db/pool.js';
import { insertAlert } from './alerts/store.js';

interface Reading {
  deviceId: string;
  metric: string;
  value: number;
  observedAt: string;
}

export class TelemetryProcessor {
  constructor(private readonly thresholds: Map<string, number>) {}

  async handle(message: ServiceBusReceivedMessage): Promise<void> {
    const reading = message.body as Reading;

    const cosmos = new CosmosClient({
      endpoint: process.env.COSMOS_ENDPOINT!,
      key: process.env.COSMOS_KEY!,
    });
    await cosmos
      .database('iot')
      .container('readings')
      .items.upsert({ id: `${reading.deviceId}:${reading.observedAt}`, ...reading });

    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query(
      `UPDATE devices SET last_seen = $2, last_value = $3 WHERE id = $1`,
      [reading.deviceId, reading.observedAt, reading.value],
    );
    await client.query(
      `INSERT INTO hourly_rollup (device_id, metric, hour, n, total)
       VALUES ($1, $2, date_trunc('hour', $3::timestamptz), 1, $4)
       ON CONFLICT (device_id, metric, hour) DO UPDATE
         SET n = hourly_rollup.n + 1, total = hourly_rollup.total + EXCLUDED.total`,
      [reading.deviceId, reading.metric, reading.observedAt, reading.value],
    );
    await client.query('COMMIT');
    client.release();

    const limit = this.thresholds.get(reading.metric);
    if (limit !== undefined && reading.value > limit) {
      await insertAlert({ ...reading, threshold: limit });
    }
  }
}
