import pg from "pg";

declare global {
  // eslint-disable-next-line no-var
  var __meterPool: pg.Pool | undefined;
}

/**
 * Billing database pool. Every meter actor asks for it when it wakes up, but
 * there is exactly one per process: the first caller creates it and everyone
 * else (including tsx watch reloads) gets the same instance back.
 */
export function getPool(): pg.Pool {
  if (!globalThis.__meterPool) {
    globalThis.__meterPool = new pg.Pool({
      connectionString: process.env.BILLING_DATABASE_URL ?? "postgres://meter@localhost:5432/billing",
      max: 10,
      idleTimeoutMillis: 30_000,
    });
    globalThis.__meterPool.on("error", (err) => console.error("pg pool error", err));
  }
  return globalThis.__meterPool;
}

export async function persistUsage(apiKeyId: string, windowStart: Date, units: number): Promise<void> {
  if (units === 0) return;
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO usage_windows (api_key_id, window_start, units)
       VALUES ($1, $2, $3)
       ON CONFLICT (api_key_id, window_start) DO UPDATE SET units = usage_windows.units + EXCLUDED.units`,
      [apiKeyId, windowStart, units]
    );
    await client.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [apiKeyId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

export async function loadLimit(apiKeyId: string): Promise<{ region: string; monthlyLimit: number }> {
  const { rows } = await getPool().query<{ region: string; monthly_limit: number }>(
    "SELECT region, monthly_limit FROM api_keys WHERE id = $1",
    [apiKeyId]
  );
  if (!rows[0]) throw new Error(`unknown api key ${apiKeyId}`);
  return { region: rows[0].region, monthlyLimit: rows[0].monthly_limit };
}
