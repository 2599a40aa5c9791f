import { Client } from "pg";

const SITE_ID = process.env.SITE_ID ?? "kitchen-1";

export type Channel = "door" | "compressor";

export interface Transition {
  channel: Channel;
  level: 0 | 1;
  // pigpio tick in microseconds (wraps every ~72 minutes)
  tick: number;
  at: Date;
}

/**
 * Persist a single GPIO transition to the central HACCP database.
 */
export async function recordTransition(t: Transition): Promise<void> {
  const client = new Client({
    connectionString: process.env.HACCP_DATABASE_URL,
    application_name: `coldroom-${SITE_ID}`,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  await client.query(
    `INSERT INTO coldroom_events (site_id, channel, state, device_tick, recorded_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [SITE_ID, t.channel, t.level === 1 ? "open" : "closed", t.tick, t.at]
  );
}

export function durationMs(startTick: number, endTick: number): number {
  // ticks are unsigned 32-bit microseconds
  return ((endTick >>> 0) - (startTick >>> 0) + 2 ** 32) % 2 ** 32 / 1000;
}
