import type pg from "pg";
import type { Redis } from "ioredis";

export type CallDeps = { pool: pg.Pool; redis: Redis };

// Returns the ARI event handlers; called once from main with the shared clients.
export function makeCallHandler({ pool, redis }: CallDeps) {
  async function routeFor(callerNumber: string): Promise<{ queue: string; greeting: string }> {
    const cached = await redis.get(`ivr:route:${callerNumber}`);
    if (cached) return JSON.parse(cached);

    const client = await pool.connect();
    try {
      const { rows } = await client.query(
        `SELECT q.name AS queue, q.greeting
           FROM customers c JOIN support_queues q ON q.id = c.queue_id
          WHERE c.phone = $1`,
        [callerNumber],
      );
      const route = rows[0] ?? { queue: "general", greeting: "sound:support-welcome" };
      await redis.set(`ivr:route:${callerNumber}`, JSON.stringify(route), "EX", 600);
      return route;
    } finally {
      client.release();
    }
  }

  async function onStart(_event: any, channel: any): Promise<void> {
    const caller: string = channel.caller?.number ?? "anonymous";
    try {
      await channel.answer();
      const route = await routeFor(caller);
      await channel.play({ media: route.greeting });
      await pool.query(
        "INSERT INTO call_log (channel_id, caller, queue, started_at) VALUES ($1, $2, $3, now())",
        [channel.id, caller, route.queue],
      );
      await redis.rpush(`ivr:queue:${route.queue}`, channel.id);
    } catch (err) {
      console.error("call setup failed", channel.id, err);
      await channel.hangup().catch(() => undefined);
    }
  }

  async function onEnd(_event: any, channel: any): Promise<void> {
    await pool.query("UPDATE call_log SET ended_at = now() WHERE channel_id = $1", [channel.id]);
  }

  return { onStart, onEnd };
}
