import { Pool } from 'pg';
import { Pool as HttpPool } from 'undici';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Start-up only: the database container often comes up after the bot does.
export async function openStore(connectionString: string): Promise<Pool> {
  for (let attempt = 1; ; attempt++) {
    const pool = new Pool({ connectionString, max: 5 });
    try {
      await pool.query('SELECT 1');
      console.log(`database ready after ${attempt} attempt(s)`);
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (attempt >= 12) throw err;
      console.warn(`database not ready (${(err as Error).message}), retrying`);
      await sleep(5_000);
    }
  }
}

export interface TeamConfig {
  team: string;
  incidentApiOrigin: string;
  apiToken: string;
}

export async function teamConfig(pool: Pool, team: string): Promise<TeamConfig | null> {
  const { rows } = await pool.query<TeamConfig>(
    `SELECT team, incident_api_origin AS "incidentApiOrigin", api_token AS "apiToken"
       FROM team_configs WHERE team = $1`,
    [team],
  );
  return rows[0] ?? null;
}

export async function whoIsOnCall(pool: Pool, team: string): Promise<string | null> {
  const { rows } = await pool.query<{ username: string }>(
    `SELECT username FROM rotations
      WHERE team = $1 AND tstzrange(starts_at, ends_at) @> now()
      ORDER BY starts_at DESC LIMIT 1`,
    [team],
  );
  return rows[0]?.username ?? null;
}

// Each team points the bot at its own incident service. One keep-alive pool
// per team origin, created on first use and reused for every later message.
export class IncidentClients {
  private pools = new Map<string, HttpPool>();

  for(cfg: TeamConfig): HttpPool {
    let pool = this.pools.get(cfg.incidentApiOrigin);
    if (!pool) {
      pool = new HttpPool(cfg.incidentApiOrigin, { connections: 2, keepAliveTimeout: 30_000 });
      this.pools.set(cfg.incidentApiOrigin, pool);
    }
    return pool;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}
