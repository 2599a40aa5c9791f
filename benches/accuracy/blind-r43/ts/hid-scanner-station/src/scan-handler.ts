import type { Redis } from 'ioredis';
import type pg from 'pg';

interface Deps {
  pool: pg.Pool;
  redis: Redis;
  stationId: string;
  beep: (ok: boolean) => void;
}

const TRACKING = /^[A-Z0-9]{10,30}$/;

export function makeScanHandler({ pool, redis, stationId, beep }: Deps) {
  return async function onScan(raw: string): Promise<void> {
    const code = raw.toUpperCase();
    if (!TRACKING.test(code)) {
      beep(false);
      return;
    }
    // Operators often scan the same label twice; ignore repeats for 10 seconds.
    const fresh = await redis.set(`scan:${stationId}:${code}`, '1', 'EX', 10, 'NX');
    if (fresh === null) return;

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: number; po_number: string }>(
        `UPDATE inbound_parcels SET received_at = now(), received_by_station = $2
          WHERE tracking_code = $1 AND received_at IS NULL
          RETURNING id, po_number`,
        [code, stationId],
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        beep(false);
        return;
      }
      await client.query(`INSERT INTO dock_events (parcel_id, station, kind) VALUES ($1, $2, 'received')`, [
        rows[0].id,
        stationId,
      ]);
      await client.query('COMMIT');
      await redis.publish('dock:received', JSON.stringify({ station: stationId, po: rows[0].po_number, code }));
      beep(true);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}
