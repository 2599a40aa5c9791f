import { prisma } from "../lib/prisma";

export interface PlaceOrderInput {
  customerId: string;
  totalCents: number;
}

export async function placeOrder(
  input: PlaceOrderInput,
  session: Record<string, string>,
): Promise<{ id: string; status: string }> {
  if (session["x-hasura-role"] !== "admin" && session["x-hasura-user-id"] !== input.customerId) {
    throw new Error("cannot place orders for another customer");
  }
  const order = await prisma.order.create({
    data: { customerId: input.customerId, totalCents: input.totalCents },
  });
  return { id: order.id, status: order.status };
}
