import type pg from "pg";
import type { Terminal } from "terminal-kit";

export interface Job {
  id: number;
  pickup: string;
  dropoff: string;
  due_at: Date;
  courier: string | null;
}

export async function loadJobs(pool: pg.Pool): Promise<Job[]> {
  const { rows } = await pool.query<Job>(
    `SELECT id, pickup, dropoff, due_at, courier FROM jobs
      WHERE status IN ('waiting', 'assigned') ORDER BY due_at LIMIT 30`,
  );
  return rows;
}

export async function assignNext(pool: pg.Pool): Promise<{ job: number; courier: string } | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const job = await client.query<{ id: number }>(
      "SELECT id FROM jobs WHERE status = 'waiting' ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
    );
    const courier = await client.query<{ name: string }>(
      "SELECT name FROM couriers WHERE on_shift AND current_job IS NULL ORDER BY last_job_at NULLS FIRST LIMIT 1 FOR UPDATE SKIP LOCKED",
    );
    if (!job.rows[0] || !courier.rows[0]) {
      await client.query("ROLLBACK");
      return null;
    }
    const id = job.rows[0].id;
    const name = courier.rows[0].name;
    await client.query("UPDATE jobs SET status = 'assigned', courier = $2 WHERE id = $1", [id, name]);
    await client.query("UPDATE couriers SET current_job = $1, last_job_at = now() WHERE name = $2", [id, name]);
    await client.query("COMMIT");
    return { job: id, courier: name };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export function render(term: Terminal, jobs: Job[], status: string): void {
  term.clear();
  term.moveTo(1, 1).bold.cyan("COURIER DISPATCH").styleReset(`   ${new Date().toLocaleTimeString()}\n\n`);
  for (const j of jobs) {
    const late = j.due_at.getTime() < Date.now();
    const line = `#${String(j.id).padEnd(6)} ${j.pickup.padEnd(24)} -> ${j.dropoff.padEnd(24)} ${j.due_at.toLocaleTimeString()}  ${j.courier ?? "-"}\n`;
    if (late) term.red(line);
    else term(line);
  }
  term.moveTo(1, term.height).dim(`[a] assign next  [r] refresh  [q] quit   ${status}`);
}
