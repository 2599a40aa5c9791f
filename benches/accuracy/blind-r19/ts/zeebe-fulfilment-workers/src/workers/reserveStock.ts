import type { ZeebeJob } from "@camunda8/sdk/dist/zeebe/types.js";
import { LockMode } from "@mikro-orm/core";
import { OrderSchema, StockItemSchema } from "../entities/Order.js";
import type { WorkerDeps } from "./deps.js";

interface ReserveVars {
  orderId: string;
  lines: { sku: string; qty: number }[];
}

export function makeReserveStock({ orm }: WorkerDeps) {
  return async (job: ZeebeJob<ReserveVars>) => {
    const em = orm.em.fork();
    const { orderId, lines } = job.variables;
    try {
      await em.transactional(async (tx) => {
        for (const line of lines) {
          const item = await tx.findOneOrFail(StockItemSchema, { sku: line.sku }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (item.available - item.reserved < line.qty) {
            throw new Error(`insufficient stock for ${line.sku}`);
          }
          item.reserved += line.qty;
        }
        const order = await tx.findOneOrFail(OrderSchema, { id: orderId });
        order.status = "reserved";
      });
      return job.complete({ reserved: true });
    } catch (err) {
      return job.error({ errorCode: "OUT_OF_STOCK", errorMessage: (err as Error).message });
    }
  };
}
