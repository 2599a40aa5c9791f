import type pg from "pg";
import type { Redis } from "ioredis";
import type { ServerFunctions, Shift } from "./types.js";

export const CHANNEL = "roster:changed";

// Called once per WebSocket connection; returns plain functions bound to that
// volunteer. The pool and publisher are the process-wide ones from main().
export function rosterFunctions(pool: pg.Pool, pub: Redis, volunteer: string): ServerFunctions {
  return {
    async listShifts(week) {
      const { rows } = await pool.query<Shift>(
        `SELECT id, ward, starts_at, ends_at, volunteer FROM shifts
          WHERE starts_at >= $1::date AND starts_at < $1::date + 7 ORDER BY starts_at`,
        [week],
      );
      return rows;
    },

    async claimShift(id) {
      const { rows } = await pool.query<Shift>(
        `UPDATE shifts SET volunteer = $2, claimed_at = now()
          WHERE id = $1 AND volunteer IS NULL
          RETURNING id, ward, starts_at, ends_at, volunteer`,
        [id, volunteer],
      );
      if (!rows[0]) return { ok: false };
      await pub.publish(CHANNEL, JSON.stringify(rows[0]));
      return { ok: true, shift: rows[0] };
    },

    async releaseShift(id) {
      const { rows } = await pool.query<Shift>(
        `UPDATE shifts SET volunteer = NULL, claimed_at = NULL
          WHERE id = $1 AND volunteer = $2 AND starts_at > now() + interval '24 hours'
          RETURNING id, ward, starts_at, ends_at, volunteer`,
        [id, volunteer],
      );
      if (!rows[0]) return { ok: false };
      await pub.publish(CHANNEL, JSON.stringify(rows[0]));
      return { ok: true };
    },
  };
}
