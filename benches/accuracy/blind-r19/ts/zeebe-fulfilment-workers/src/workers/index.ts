import type { Camunda8 } from "@camunda8/sdk";
import { makeReserveStock } from "./reserveStock.js";
import { makeChargePayment } from "./chargePayment.js";
import type { WorkerDeps } from "./deps.js";

type ZeebeClient = ReturnType<Camunda8["getZeebeGrpcApiClient"]>;

const definitions = [
  { taskType: "reserve-stock", make: makeReserveStock, maxJobsToActivate: 16 },
  { taskType: "charge-payment", make: makeChargePayment, maxJobsToActivate: 4 },
] as const;

/** Registers one long-polling worker per task type. Runs once at start-up. */
export function registerWorkers(zeebe: ZeebeClient, deps: WorkerDeps) {
  const workers = [];
  for (const def of definitions) {
    workers.push(
      zeebe.createWorker({
        taskType: def.taskType,
        maxJobsToActivate: def.maxJobsToActivate,
        timeout: 60_000,
        taskHandler: def.make(deps) as any,
      }),
    );
  }
  return workers;
}
