import type pg from "pg";
import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";

export interface Deps {
  pool: pg.Pool;
  sns: SNSClient;
  alarmTopicArn: string;
}

interface Reading {
  sensor: string;
  value: number;
  unit: string;
  ts: number;
}

const LIMITS: Record<string, number> = { temperature: 85, pressure: 12.5, vibration: 7.1 };

export function makeTelemetryHandler(deps: Deps) {
  return async function handleTelemetry(topic: string, payload: string): Promise<void> {
    // topic: plant/<plantId>/line/<lineId>/telemetry
    const [, plantId, , lineId] = topic.split("/");
    const readings = JSON.parse(payload) as Reading[];
    if (!Array.isArray(readings) || readings.length === 0) return;

    const client = await deps.pool.connect();
    try {
      await client.query("BEGIN");
      for (const r of readings) {
        await client.query(
          `INSERT INTO telemetry (plant_id, line_id, sensor, value, unit, measured_at)
           VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))`,
          [plantId, lineId, r.sensor, r.value, r.unit, r.ts],
        );
      }
      await client.query(
        "UPDATE lines SET last_seen_at = now() WHERE plant_id = $1 AND line_id = $2",
        [plantId, lineId],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }

    const breaches = readings.filter((r) => r.sensor in LIMITS && r.value > LIMITS[r.sensor]);
    for (const b of breaches) {
      await deps.sns.send(
        new PublishCommand({
          TopicArn: deps.alarmTopicArn,
          Subject: `Limit exceeded on ${plantId}/${lineId}`,
          Message: `${b.sensor}=${b.value}${b.unit} (limit ${LIMITS[b.sensor]})`,
        }),
      );
    }
  };
}
