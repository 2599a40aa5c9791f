import { Pool } from 'pg';

export type StoryResult = {
  storyId: string;
  title: string;
  name: string;
  violations: { ruleId: string; impact: string; nodes: number }[];
};

const RUN_ID = process.env.GITHUB_RUN_ID ?? `local-${process.env.USER ?? 'dev'}`;

// Each Jest worker loads this module once; the pool is created on first use
// and lets the worker exit when it is idle.
let pool: Pool | undefined;

function ledgerPool(): Pool {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.A11Y_LEDGER_URL,
      max: 2,
      allowExitOnIdle: true,
    });
  }
  return pool;
}

export async function recordStoryResult(result: StoryResult): Promise<void> {
  if (!process.env.A11Y_LEDGER_URL) {
    return; // local runs without the ledger
  }

  const client = await ledgerPool().connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO story_runs (run_id, story_id, title, name, violation_count)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (run_id, story_id) DO UPDATE SET violation_count = EXCLUDED.violation_count`,
      [RUN_ID, result.storyId, result.title, result.name, result.violations.length],
    );
    for (const v of result.violations) {
      await client.query(
        'INSERT INTO story_violations (run_id, story_id, rule_id, impact, nodes) VALUES ($1, $2, $3, $4, $5)',
        [RUN_ID, result.storyId, v.ruleId, v.impact, v.nodes],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
