// Customer-authored pricing rules. Loaded once; onOrder runs per order event.
const ops = Deno.core.ops;

globalThis.onOrder = async (order) => {
  const tier = await ops.op_customer_tier(order.customerId);
  const seen = await ops.op_bump_counter(`orders:${order.customerId}:today`, 86400);

  for (const line of order.lines) {
    if (!line.limited) continue;
    const lock = await ops.op_lock_sku(line.sku);
    if (tier !== "gold" && seen > 3) {
      // rate-limited customers do not get limited-edition stock
      return;
    }
    await ops.op_reserve(lock, line.sku, line.qty);
    await ops.op_release_sku(lock, line.sku);
  }
};
