// Name: Reconcile Payouts
// Description: Match bank payouts against the ledger and flag differences
// Author: finance-eng
// Shortcut: cmd opt r

import "@johnlindquist/kit"
import { withFinanceDb, fetchPayouts, LedgerRow } from "../lib/finance-db"

const days = Number(
  await arg({
    placeholder: "Reconcile how many days back?",
    choices: ["7", "14", "30", "90"],
    strict: false,
  })
)
const since = Math.floor(Date.now() / 1000) - days * 86_400

const payouts = await fetchPayouts(since)

const report = await withFinanceDb(async (db) => {
  const matched: string[] = []
  const mismatched: string[] = []
  const missing: string[] = []

  for (const p of payouts.filter((p) => p.status === "paid")) {
    const { rows } = await db.query<LedgerRow>(
      "SELECT payout_id, amount_cents, reconciled_at FROM ledger_payouts WHERE payout_id = $1",
      [p.id]
    )
    const row = rows[0]
    if (!row) {
      missing.push(`| ${p.id} | ${(p.amount / 100).toFixed(2)} ${p.currency.toUpperCase()} | not in ledger |`)
    } else if (row.amount_cents !== p.amount) {
      mismatched.push(`| ${p.id} | bank ${p.amount} | ledger ${row.amount_cents} |`)
    } else {
      if (!row.reconciled_at) {
        await db.query("UPDATE ledger_payouts SET reconciled_at = now() WHERE payout_id = $1", [p.id])
      }
      matched.push(p.id)
    }
  }
  return { matched, mismatched, missing }
})

await div(
  md(`# Payout reconciliation (${days} days)

**${report.matched.length}** matched · **${report.mismatched.length}** mismatched · **${report.missing.length}** missing

## Mismatched
| payout | bank | ledger |
|---|---|---|
${report.mismatched.join("\n") || "| – | – | – |"}

## Missing from ledger
| payout | amount | note |
|---|---|---|
${report.missing.join("\n") || "| – | – | – |"}
`)
)
