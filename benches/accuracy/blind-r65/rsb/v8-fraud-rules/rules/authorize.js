// Risk team rules. Loaded once at fraudd start-up; evaluate() is called
// once per card authorization request coming from the switch.
// Host functions provided by fraudd: velocity(), blockedBin(), log().

const MAX_TXN_PER_10M = 6;
const HIGH_RISK_MCC = new Set(["7995", "6051", "4829"]);

function evaluate(txn) {
  const reasons = [];

  if (blockedBin(txn.pan_prefix)) {
    reasons.push("bin_blocklist");
  }

  const recent = velocity(txn.card_token, 600);
  if (recent > MAX_TXN_PER_10M) {
    reasons.push("velocity_" + recent);
  }

  if (HIGH_RISK_MCC.has(txn.mcc) && txn.amount_minor > 50000) {
    reasons.push("high_risk_mcc");
  }

  if (txn.country !== txn.card_country && txn.entry_mode === "ecom") {
    reasons.push("cross_border_ecom");
  }

  if (reasons.length > 0) {
    log("declining " + txn.id + ": " + reasons.join(","));
    return JSON.stringify({ decision: "decline", reasons: reasons });
  }
  return JSON.stringify({ decision: "approve", reasons: [] });
}
