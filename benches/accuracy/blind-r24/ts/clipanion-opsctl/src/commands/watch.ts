import { Command, Option } from "clipanion";
import { Redis } from "ioredis";
import { MongoClient } from "mongodb";

// Long-running: tails the dead-letter list and files each entry into Mongo
// so support can look at it. Clients are created once, before the loop.
export class WatchDeadLettersCommand extends Command {
  static paths = [["dlq", "watch"]];

  static usage = Command.Usage({
    description: "Move dead-lettered jobs from Redis into the incidents collection until interrupted",
  });

  queue = Option.String("--queue", "jobs:dead");

  async execute(): Promise<number> {
    const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: null,
    });
    const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017", {
      appName: "opsctl-dlq-watch",
    });
    await mongo.connect();
    const incidents = mongo.db("support").collection("dead_letters");

    let stopping = false;
    const onSignal = () => {
      stopping = true;
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);

    let moved = 0;
    try {
      while (!stopping) {
        const raw = await redis.blmove(this.queue, `${this.queue}:processing`, "LEFT", "RIGHT", 5);
        if (!raw) continue;

        let job: Record<string, unknown>;
        try {
          job = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          job = { unparsable: raw };
        }
        await incidents.insertOne({ queue: this.queue, job, receivedAt: new Date() });
        await redis.lrem(`${this.queue}:processing`, 1, raw);
        moved++;
        if (moved % 100 === 0) this.context.stdout.write(`moved ${moved}\n`);
      }
    } finally {
      await redis.quit();
      await mongo.close();
    }
    this.context.stdout.write(`stopped after moving ${moved} jobs\n`);
    return 0;
  }
}
