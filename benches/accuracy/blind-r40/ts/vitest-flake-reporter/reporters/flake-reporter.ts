import { randomUUID } from "node:crypto";
import type { File, Task } from "vitest";
import type { Reporter } from "vitest/reporters";
import type { Vitest } from "vitest/node";
import { openResultsDb } from "./results-db";
import { uploadSummary } from "./artifacts";

interface Options {
  project: string;
}

interface TestOutcome {
  id: string;
  name: string;
  state: string;
  retries: number;
  durationMs: number;
}

function collect(tasks: Task[], out: TestOutcome[]): void {
  for (const task of tasks) {
    if (task.type === "suite") {
      collect(task.tasks, out);
    } else if (task.type === "test") {
      out.push({
        id: task.id,
        name: task.name,
        state: task.result?.state ?? "skip",
        retries: task.result?.retryCount ?? 0,
        durationMs: Math.round(task.result?.duration ?? 0),
      });
    }
  }
}

export default class FlakeReporter implements Reporter {
  private ctx?: Vitest;
  private rerunTrigger?: string;

  constructor(private readonly options: Options) {}

  onInit(ctx: Vitest): void {
    this.ctx = ctx;
  }

  onWatcherRerun(_files: string[], trigger?: string): void {
    this.rerunTrigger = trigger;
  }

  // called at the end of every run, including each watch-mode re-run
  async onFinished(files: File[] = []): Promise<void> {
    const outcomes: TestOutcome[] = [];
    collect(files, outcomes);
    if (outcomes.length === 0) return;

    const runId = randomUUID();
    const flaky = outcomes.filter((o) => o.state === "pass" && o.retries > 0).map((o) => o.name);

    const db = openResultsDb();
    await db.query(
      "insert into test_runs (id, project, watch_mode, trigger, started_at) values ($1, $2, $3, $4, now())",
      [runId, this.options.project, Boolean(this.ctx?.config.watch), this.rerunTrigger ?? null],
    );
    for (const o of outcomes) {
      await db.query(
        "insert into test_outcomes (run_id, test_id, name, state, retries, duration_ms) values ($1, $2, $3, $4, $5, $6)",
        [runId, o.id, o.name, o.state, o.retries, o.durationMs],
      );
    }

    await uploadSummary({
      project: this.options.project,
      runId,
      passed: outcomes.filter((o) => o.state === "pass").length,
      failed: outcomes.filter((o) => o.state === "fail").length,
      flaky,
    });
  }
}
