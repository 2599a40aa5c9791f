import { strict as assert } from "node:assert";
import { cancelOrder, createOrder } from "../src/orders";
import { ctx } from "./hooks";

describe("orders", () => {
  it("creates a pending order", async () => {
    const order = await createOrder(ctx.tx, "cust-1", 1299);
    assert.equal(order.status, "pending");
    assert.equal(order.total_cents, 1299);
  });

  it("cancels only pending orders", async () => {
    const order = await createOrder(ctx.tx, "cust-2", 500);
    assert.equal(await cancelOrder(ctx.tx, order.id), true);
    assert.equal(await cancelOrder(ctx.tx, order.id), false);
  });
});
