import { createClient } from '@clickhouse/client';

const telemetry = createClient({
  url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
  username: process.env.CLICKHOUSE_USER ?? 'default',
  password: process.env.CLICKHOUSE_PASSWORD ?? '',
  database: 'telemetry',
});

const lastAlert = new Map<string, number>();

export async function checkOverheat(deviceId: string, tempC: number): Promise<boolean> {
  if (tempC < 45) return false;
  const since = lastAlert.get(deviceId) ?? 0;
  if (Date.now() - since < 10 * 60_000) return false;

  const rs = await telemetry.query({
    query: `SELECT avg(temp_c) AS avg_c FROM readings
             WHERE device_id = {id:String} AND ts > now() - INTERVAL 5 MINUTE`,
    query_params: { id: deviceId },
    format: 'JSONEachRow',
  });
  const [{ avg_c }] = await rs.json<{ avg_c: number }>();
  if (avg_c < 45) return false;

  lastAlert.set(deviceId, Date.now());
  await telemetry.insert({
    table: 'alerts',
    values: [{ device_id: deviceId, kind: 'overheat', avg_c, raised_at: Math.floor(Date.now() / 1000) }],
    format: 'JSONEachRow',
  });
  return true;
}
