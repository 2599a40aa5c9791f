import { assign, setup } from "xstate";
import type { OrderInput } from "./db.js";
import {
  chargePayment,
  notifyWarehouse,
  releaseStock,
  reserveStock,
  uploadPackingSlip,
} from "./actors.js";

interface OrderContext {
  order: OrderInput;
  chargeId?: string;
  slipKey?: string;
  failure?: string;
}

export const orderMachine = setup({
  types: {
    context: {} as OrderContext,
    input: {} as OrderInput,
    output: {} as { status: "fulfilled" | "rejected"; reason?: string; slipKey?: string },
  },
  actors: { reserveStock, chargePayment, uploadPackingSlip, notifyWarehouse, releaseStock },
}).createMachine({
  id: "order",
  context: ({ input }) => ({ order: input }),
  initial: "reserving",
  states: {
    reserving: {
      invoke: {
        src: "reserveStock",
        input: ({ context }) => context.order,
        onDone: "charging",
        onError: {
          target: "rejected",
          actions: assign({ failure: ({ event }) => String(event.error) }),
        },
      },
    },
    charging: {
      invoke: {
        src: "chargePayment",
        input: ({ context }) => context.order,
        onDone: {
          target: "packing",
          actions: assign({ chargeId: ({ event }) => event.output.chargeId }),
        },
        onError: {
          target: "compensating",
          actions: assign({ failure: ({ event }) => String(event.error) }),
        },
      },
    },
    packing: {
      invoke: {
        src: "uploadPackingSlip",
        input: ({ context }) => ({ order: context.order, chargeId: context.chargeId! }),
        onDone: {
          target: "notifying",
          actions: assign({ slipKey: ({ event }) => event.output.slipKey }),
        },
        onError: "compensating",
      },
    },
    notifying: {
      invoke: {
        src: "notifyWarehouse",
        input: ({ context }) => ({ order: context.order, slipKey: context.slipKey! }),
        onDone: "fulfilled",
        onError: "fulfilled",
      },
    },
    compensating: {
      invoke: {
        src: "releaseStock",
        input: ({ context }) => context.order,
        onDone: "rejected",
        onError: "rejected",
      },
    },
    fulfilled: { type: "final" },
    rejected: { type: "final" },
  },
  output: ({ context }) =>
    context.failure
      ? { status: "rejected" as const, reason: context.failure }
      : { status: "fulfilled" as const, slipKey: context.slipKey },
});
