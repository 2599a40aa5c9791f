import pg from 'pg';

export interface Alert {
  deviceId: string;
  metric: string;
  value: number;
  threshold: number;
  observedAt: string;
}

const alertsPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function insertAlert(a: Alert): Promise<void> {
  await alertsPool.query(
    `INSERT INTO alerts (device_id, metric, value, threshold, observed_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (device_id, metric, observed_at) DO NOTHING`,
    [a.deviceId, a.metric, a.value, a.threshold, a.observedAt],
  );
}

export async function closeAlerts(): Promise<void> {
  await alertsPool.end();
}
