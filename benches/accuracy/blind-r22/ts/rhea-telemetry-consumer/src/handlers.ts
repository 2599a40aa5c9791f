import type pg from "pg";
import type { Pool as HttpPool } from "undici";

export interface Reading {
  deviceId: string;
  metric: "temperature" | "humidity" | "vibration";
  value: number;
  recordedAt: string;
}

interface Deps {
  db: pg.Pool;
  alerts: HttpPool;
}

const THRESHOLDS: Record<Reading["metric"], number> = {
  temperature: 85,
  humidity: 95,
  vibration: 12,
};

export function makeHandlers({ db, alerts }: Deps) {
  async function raiseAlert(reading: Reading, siteId: string): Promise<void> {
    const { statusCode, body } = await alerts.request({
      method: "POST",
      path: "/v1/alerts",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ siteId, ...reading, severity: "high" }),
    });
    await body.dump();
    if (statusCode >= 300) throw new Error(`alerting service returned ${statusCode}`);
  }

  async function onReadings(readings: Reading[]): Promise<void> {
    if (readings.length === 0) return;

    const client = await db.connect();
    let breaches: { reading: Reading; siteId: string }[] = [];
    try {
      await client.query("BEGIN");
      for (const r of readings) {
        const { rows } = await client.query<{ site_id: string }>(
          `INSERT INTO readings (device_id, metric, value, recorded_at)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING
           RETURNING (SELECT site_id FROM devices WHERE id = $1) AS site_id`,
          [r.deviceId, r.metric, r.value, r.recordedAt],
        );
        if (rows[0] && r.value > THRESHOLDS[r.metric]) {
          breaches.push({ reading: r, siteId: rows[0].site_id });
        }
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      breaches = [];
      throw err;
    } finally {
      client.release();
    }

    for (const b of breaches) {
      await raiseAlert(b.reading, b.siteId);
    }
  }

  return { onReadings };
}
