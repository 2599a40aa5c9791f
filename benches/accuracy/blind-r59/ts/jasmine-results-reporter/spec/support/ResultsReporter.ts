import { Pool } from "pg";
import { randomUUID } from "node:crypto";

/**
 * Sends every spec result of a run to the QA dashboard database. The pool is
 * opened when the run starts and closed when the run ends.
 */
export class ResultsReporter implements jasmine.CustomReporter {
  private pool?: Pool;
  private readonly runId = randomUUID();

  constructor(private readonly connectionString: string | undefined, private readonly branch: string) {}

  async jasmineStarted(info: jasmine.JasmineStartedInfo): Promise<void> {
    if (!this.connectionString) return;
    this.pool = new Pool({ connectionString: this.connectionString, max: 2 });
    await this.pool.query(
      `INSERT INTO test_runs (id, suite, branch, total_specs, started_at) VALUES ($1, 'orders-core', $2, $3, now())`,
      [this.runId, this.branch, info.totalSpecsDefined],
    );
  }

  async specDone(result: jasmine.SpecResult): Promise<void> {
    if (!this.pool) return;
    await this.pool.query(
      `INSERT INTO test_results (run_id, spec, status, duration_ms, failure)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        this.runId,
        result.fullName,
        result.status,
        result.duration ?? null,
        result.failedExpectations.map((f) => f.message).join("\n") || null,
      ],
    );
  }

  async jasmineDone(info: jasmine.JasmineDoneInfo): Promise<void> {
    if (!this.pool) return;
    try {
      await this.pool.query(
        `UPDATE test_runs SET status = $2, finished_at = now(), duration_ms = $3 WHERE id = $1`,
        [this.runId, info.overallStatus, info.totalTime ?? null],
      );
    } finally {
      await this.pool.end();
      this.pool = undefined;
    }
  }
}
