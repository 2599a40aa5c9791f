import cron, { type ScheduledTask } from "node-cron";
import type { JobRunner } from "./runner.js";

export class RollupScheduler {
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly runner: JobRunner, private readonly tenants: string[]) {}

  start(): void {
    this.tasks.push(
      cron.schedule("5 * * * *", () => {
        for (const tenant of this.tenants) this.runner.enqueue({ type: "rollup", tenant, bucket: "hour" });
      }),
      cron.schedule("30 2 * * *", () => {
        for (const tenant of this.tenants) {
          this.runner.enqueue({ type: "rollup", tenant, bucket: "day" });
          this.runner.enqueue({ type: "reindex", tenant, since: new Date(Date.now() - 86_400_000) });
        }
      }),
    );
  }

  stop(): void {
    for (const task of this.tasks) task.stop();
  }
}
