import { Pool } from 'pg';

export interface FlakeDbOptions {
  connectionString: string;
  applicationName?: string;
}

export function createFlakePool(opts: FlakeDbOptions): Pool {
  return new Pool({
    connectionString: opts.connectionString,
    application_name: opts.applicationName ?? 'jest-flake-reporter',
    max: 4,
    idleTimeoutMillis: 5_000,
  });
}

export async function ensureRun(pool: Pool, runId: string, branch: string, sha: string): Promise<void> {
  await pool.query(
    `INSERT INTO ci_runs (id, branch, sha, started_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (id) DO NOTHING`,
    [runId, branch, sha],
  );
}
