import { actor } from "rivetkit";
import { getPool, loadLimit, persistUsage } from "../db.js";
import { reportOverage } from "../regions.js";

const FLUSH_EVERY_MS = 10_000;

function windowStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours()));
}

/**
 * One actor instance per API key (key = [apiKeyId]). Gateways call consume()
 * for every proxied request; the actor batches the counts in memory and
 * flushes them to Postgres on a schedule.
 */
export const usageMeter = actor({
  state: {
    apiKeyId: "",
    region: "eu",
    monthlyLimit: 0,
    usedThisMonth: 0,
    pending: 0,
    flushScheduled: false,
  },

  // Runs when an actor instance wakes up; hands it the shared process pool.
  createVars: () => ({
    db: getPool(),
  }),

  onStart: async (c) => {
    if (!c.state.apiKeyId) {
      c.state.apiKeyId = String(c.key[0]);
      const { region, monthlyLimit } = await loadLimit(c.state.apiKeyId);
      c.state.region = region;
      c.state.monthlyLimit = monthlyLimit;
    }
    const { rows } = await c.vars.db.query<{ used: string }>(
      `SELECT COALESCE(sum(units), 0) AS used FROM usage_windows
        WHERE api_key_id = $1 AND window_start >= date_trunc('month', now())`,
      [c.state.apiKeyId]
    );
    c.state.usedThisMonth = Number(rows[0].used) + c.state.pending;
  },

  actions: {
    consume: async (c, units: number) => {
      const over = c.state.usedThisMonth + units > c.state.monthlyLimit;
      c.state.usedThisMonth += units;
      c.state.pending += units;

      if (!c.state.flushScheduled) {
        c.state.flushScheduled = true;
        await c.schedule.after(FLUSH_EVERY_MS, "flush");
      }
      if (over) {
        await reportOverage(c.state.region, c.state.apiKeyId, units);
        c.broadcast("overLimit", { used: c.state.usedThisMonth, limit: c.state.monthlyLimit });
      }
      return { allowed: !over, remaining: Math.max(0, c.state.monthlyLimit - c.state.usedThisMonth) };
    },

    flush: async (c) => {
      const units = c.state.pending;
      c.state.pending = 0;
      c.state.flushScheduled = false;
      try {
        await persistUsage(c.state.apiKeyId, windowStart(), units);
      } catch (err) {
        c.state.pending += units;
        throw err;
      }
    },

    getUsage: (c) => ({
      used: c.state.usedThisMonth,
      limit: c.state.monthlyLimit,
      pending: c.state.pending,
    }),
  },
});
