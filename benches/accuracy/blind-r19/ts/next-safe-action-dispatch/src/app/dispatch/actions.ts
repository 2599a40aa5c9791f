"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { dispatcherAction } from "@/lib/safe-action";
import { prisma } from "@/lib/prisma";
import { connectEvents } from "@/lib/events";

export const assignDriver = dispatcherAction
  .schema(z.object({ deliveryId: z.string(), driverId: z.string() }))
  .action(async ({ parsedInput: { deliveryId, driverId }, ctx }) => {
    const delivery = await prisma.delivery.update({
      where: { id: deliveryId },
      data: { driverId, status: "assigned" },
    });

    const events = await connectEvents();
    await events.collection("dispatch_events").insertOne({
      type: "assigned",
      deliveryId,
      driverId,
      by: ctx.dispatcherId,
      at: new Date(),
    });

    revalidatePath("/dispatch");
    return { id: delivery.id, status: delivery.status };
  });

export const markDelivered = dispatcherAction
  .schema(z.object({ deliveryId: z.string() }))
  .action(async ({ parsedInput: { deliveryId } }) => {
    await prisma.delivery.update({ where: { id: deliveryId }, data: { status: "delivered" } });
    revalidatePath("/dispatch");
    return { ok: true };
  });
