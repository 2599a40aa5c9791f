import type { ZeebeJob } from "@camunda8/sdk/dist/zeebe/types.js";
import { OrderSchema } from "../entities/Order.js";
import type { WorkerDeps } from "./deps.js";

interface ChargeVars {
  orderId: string;
  paymentMethodId: string;
}

export function makeChargePayment({ orm, payments }: WorkerDeps) {
  return async (job: ZeebeJob<ChargeVars>) => {
    const em = orm.em.fork();
    const order = await em.findOneOrFail(OrderSchema, { id: job.variables.orderId });

    try {
      const { data } = await payments.post<{ id: string }>(
        "/charges",
        { amount: order.totalCents, currency: order.currency, payment_method: job.variables.paymentMethodId },
        { headers: { "idempotency-key": `${order.id}:${job.processInstanceKey}` } },
      );
      order.paymentRef = data.id;
      order.status = "charged";
      await em.flush();
      return job.complete({ paymentRef: data.id });
    } catch (err) {
      return job.fail({
        errorMessage: `charge failed: ${(err as Error).message}`,
        retries: job.retries - 1,
        retryBackOff: 30_000,
      });
    }
  };
}
