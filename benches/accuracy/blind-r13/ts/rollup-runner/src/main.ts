import { closeSearchClients, createClickHouse } from "./clients.js";
import { makeHandler } from "./jobs.js";
import { JobRunner } from "./runner.js";
import { RollupScheduler } from "./scheduler.js";

const tenants = (process.env.TENANTS ?? "acme,globex").split(",");

const ch = createClickHouse();
const runner = new JobRunner(makeHandler(ch), 2);
runner.on("failed", (job, err) => console.error(`job ${job.type}/${job.tenant} failed`, err));
runner.on("done", (job) => console.log(`job ${job.type}/${job.tenant} done`));

const scheduler = new RollupScheduler(runner, tenants);
scheduler.start();

process.once("SIGTERM", async () => {
  scheduler.stop();
  await ch.close();
  await closeSearchClients();
  process.exit(0);
});
