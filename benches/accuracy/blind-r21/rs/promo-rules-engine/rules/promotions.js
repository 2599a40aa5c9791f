// Promotion rules maintained by the marketing team. `evaluate` is called once
// per order event with the order as a JSON string and returns a JSON string.
function evaluate(orderJson) {
  const order = JSON.parse(orderJson);
  const tier = customerTier(String(order.customer_id));
  const rate = fxRate(order.currency);
  let discount = 0;
  const eurTotal = order.total / rate;
  if (tier === "gold" && eurTotal > 100) discount = 0.1;
  else if (tier === "silver" && eurTotal > 200) discount = 0.05;
  if (order.items.some((i) => i.sku.startsWith("CLR-"))) discount += 0.02;
  return JSON.stringify({ order_id: order.id, discount, tier });
}
