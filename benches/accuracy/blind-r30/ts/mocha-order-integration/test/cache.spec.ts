import { strict as assert } from "node:assert";
import { cachedOrderCount, createOrder } from "../src/orders";
import { ctx } from "./hooks";

describe("cachedOrderCount", () => {
  it("serves the second read from redis", async () => {
    await createOrder(ctx.tx, "cust-9", 100);
    assert.equal(await cachedOrderCount(ctx.tx, ctx.redis, "cust-9"), 1);

    await createOrder(ctx.tx, "cust-9", 200);
    // still cached for 30 s
    assert.equal(await cachedOrderCount(ctx.tx, ctx.redis, "cust-9"), 1);
    assert.equal(await ctx.redis.ttl("orders:count:cust-9") > 0, true);
  });
});
