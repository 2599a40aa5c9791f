import type { Pool } from 'pg';
import type Redis from 'ioredis';

// DPS indices used by most Tuya metering plugs.
const DPS_CURRENT_MA = '18';
const DPS_POWER_DW = '19';
const DPS_VOLTAGE_DV = '20';

export interface Reading {
  currentMa?: number;
  powerW?: number;
  voltageV?: number;
}

export interface HandlerDeps {
  pool: Pool;
  redis: Redis;
}

export function parseDps(dps: Record<string, unknown>): Reading {
  const num = (k: string) => (typeof dps[k] === 'number' ? (dps[k] as number) : undefined);
  const power = num(DPS_POWER_DW);
  const voltage = num(DPS_VOLTAGE_DV);
  return {
    currentMa: num(DPS_CURRENT_MA),
    powerW: power === undefined ? undefined : power / 10,
    voltageV: voltage === undefined ? undefined : voltage / 10,
  };
}

// Built once per configured plug at start-up; the returned function runs for every report.
export function makeReadingHandler(deviceName: string, { pool, redis }: HandlerDeps) {
  return async (data: { dps?: Record<string, unknown> }): Promise<void> => {
    if (!data.dps) return;
    const reading = parseDps(data.dps);
    if (reading.powerW === undefined && reading.currentMa === undefined) return;

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO plug_readings (device, read_at, power_w, current_ma, voltage_v)
         VALUES ($1, now(), $2, $3, $4)`,
        [deviceName, reading.powerW ?? null, reading.currentMa ?? null, reading.voltageV ?? null],
      );
      await client.query(
        `INSERT INTO plug_daily (device, day, samples, power_w_sum) VALUES ($1, current_date, 1, $2)
         ON CONFLICT (device, day) DO UPDATE
           SET samples = plug_daily.samples + 1, power_w_sum = plug_daily.power_w_sum + EXCLUDED.power_w_sum`,
        [deviceName, reading.powerW ?? 0],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }

    await redis.hset(`plug:${deviceName}`, { ...reading, at: Date.now() });
  };
}
