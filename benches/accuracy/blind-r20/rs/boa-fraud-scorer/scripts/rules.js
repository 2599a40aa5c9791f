// Analyst-maintained rules. `evaluate` is called once per payment event.
function evaluate(ev) {
  let score = 0;
  if (velocity(ev.tenant, ev.card_hash) > 5) score += 40;
  if (merchantRisk(ev.merchant_id) === "high") score += 30;
  if (ev.amount_cents > 500000 && geoMismatch(ev.ip, ev.billing_country)) score += 25;
  return { score, block: score >= 70 };
}
