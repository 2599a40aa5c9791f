import { EventEmitter } from "node:events";

export type Job =
  | { type: "rollup"; tenant: string; bucket: "hour" | "day" }
  | { type: "reindex"; tenant: string; since: Date };

type Handler = (job: Job) => Promise<void>;

// Minimal in-process job runner: jobs are emitted as events and handled with bounded concurrency.
export class JobRunner extends EventEmitter {
  private running = 0;
  private readonly queue: Job[] = [];

  constructor(private readonly handler: Handler, private readonly concurrency = 2) {
    super();
    this.on("job", (job: Job) => {
      this.queue.push(job);
      this.drain();
    });
  }

  enqueue(job: Job): void {
    this.emit("job", job);
  }

  private drain(): void {
    while (this.running < this.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      this.handler(job)
        .then(() => this.emit("done", job))
        .catch((err) => this.emit("failed", job, err))
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }
}
