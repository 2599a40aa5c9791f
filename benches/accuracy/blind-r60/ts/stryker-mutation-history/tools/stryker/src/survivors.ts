import type pg from 'pg';
import type { MutantResult } from '@stryker-mutator/api/core';

/**
 * Keeps a "survivor streak" per (file, mutator, line): how many consecutive
 * runs the same mutant survived. Used to open tech-debt tickets.
 */
export async function recordSurvivor(
  pool: pg.Pool,
  runId: string,
  result: Readonly<MutantResult>,
): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ id: number; streak: number; last_run_id: string }>(
    `SELECT id, streak, last_run_id FROM survivor_streaks
      WHERE file_name = $1 AND mutator = $2 AND line = $3
      FOR UPDATE`,
    [result.fileName, result.mutatorName, result.location.start.line],
  );

  if (rows.length === 0) {
    await client.query(
      `INSERT INTO survivor_streaks (file_name, mutator, line, replacement, streak, last_run_id)
       VALUES ($1, $2, $3, $4, 1, $5)`,
      [result.fileName, result.mutatorName, result.location.start.line, result.replacement ?? null, runId],
    );
  } else if (rows[0].last_run_id !== runId) {
    await client.query('UPDATE survivor_streaks SET streak = streak + 1, last_run_id = $2 WHERE id = $1', [
      rows[0].id,
      runId,
    ]);
  }
  await client.query('COMMIT');
}
