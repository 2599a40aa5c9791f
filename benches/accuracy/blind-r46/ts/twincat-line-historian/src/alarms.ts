import { Pool } from 'pg';
import { createClient } from 'redis';

const alarmDb = new Pool({
  connectionString: process.env.PLANT_PG_URL,
  max: 4,
  application_name: 'historian-alarms',
});

export type AlarmLimit = { tag: string; high: number; low: number };

export async function checkLimit(limit: AlarmLimit, value: number, ts: Date): Promise<void> {
  if (value <= limit.high && value >= limit.low) return;

  const kind = value > limit.high ? 'HIGH' : 'LOW';
  await alarmDb.query(
    'INSERT INTO alarms (tag, kind, value, raised_at) VALUES ($1, $2, $3, $4)',
    [limit.tag, kind, value, ts],
  );

  const publisher = createClient({ url: process.env.ANDON_REDIS_URL ?? 'redis://localhost:6379' });
  await publisher.connect();
  await publisher.publish(
    'andon:alarms',
    JSON.stringify({ tag: limit.tag, kind, value, at: ts.toISOString() }),
  );
}

export async function closeAlarms(): Promise<void> {
  await alarmDb.end();
}
