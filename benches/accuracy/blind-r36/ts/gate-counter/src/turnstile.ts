import type { Pool } from "pg";
import type { Redis } from "ioredis";
import type { BinaryValue } from "onoff";

export interface TurnstileDeps {
  pool: Pool;
  redis: Redis;
  gateId: string;
  direction: "in" | "out";
}

// Returns the callback passed to Gpio#watch; it runs on every rising edge.
export function makeTurnstileHandler({ pool, redis, gateId, direction }: TurnstileDeps) {
  return async (err: Error | null | undefined, value: BinaryValue): Promise<void> => {
    if (err) {
      console.error(`gpio error on ${gateId}/${direction}`, err);
      return;
    }
    if (value !== 1) return;

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        "INSERT INTO gate_passes (gate_id, direction, passed_at) VALUES ($1, $2, now())",
        [gateId, direction],
      );
      await client.query(
        `UPDATE gate_occupancy SET current = current + $2, updated_at = now() WHERE gate_id = $1`,
        [gateId, direction === "in" ? 1 : -1],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      console.error("failed to record pass", e);
    } finally {
      client.release();
    }

    await redis.hincrby(`gate:${gateId}`, direction, 1).catch(() => undefined);
  };
}
