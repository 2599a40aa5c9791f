import { Camunda8 } from "@camunda8/sdk";
import { initOrm } from "./lib/orm.js";
import { createPaymentsHttp } from "./lib/payments.js";
import { registerWorkers } from "./workers/index.js";

async function main(): Promise<void> {
  const orm = await initOrm();
  const payments = createPaymentsHttp();

  const c8 = new Camunda8();
  const zeebe = c8.getZeebeGrpcApiClient();
  const topology = await zeebe.topology();
  console.log(`[zeebe] connected, ${topology.brokers.length} broker(s)`);

  const workers = registerWorkers(zeebe, { orm, payments });
  console.log(`[zeebe] ${workers.length} workers polling`);

  const shutdown = async () => {
    await Promise.allSettled(workers.map((w) => w.close()));
    await zeebe.close();
    await orm.close(true);
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
