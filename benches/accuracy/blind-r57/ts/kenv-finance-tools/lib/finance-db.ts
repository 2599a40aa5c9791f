import "@johnlindquist/kit"
import pg from "pg"

export interface Payout {
  id: string
  amount: number
  currency: string
  arrival_date: number
  status: "paid" | "pending" | "in_transit" | "canceled" | "failed"
}

export interface LedgerRow {
  payout_id: string
  amount_cents: number
  reconciled_at: Date | null
}

// Every script run is its own short-lived process: open one connection,
// hand it to the script body, and always close it before the run ends.
export async function withFinanceDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = await env("FINANCE_DATABASE_URL", {
    hint: "postgres://user:pass@finance-db.internal:5432/finance",
    secret: true,
  })
  const db = new pg.Client({ connectionString, application_name: "script-kit-finance" })
  await db.connect()
  try {
    return await fn(db)
  } finally {
    await db.end()
  }
}

export async function fetchPayouts(sinceUnix: number): Promise<Payout[]> {
  const key = await env("PAYMENTS_API_KEY", { secret: true })
  const out: Payout[] = []
  let startingAfter: string | undefined
  for (;;) {
    const params = new URLSearchParams({ limit: "100", "arrival_date[gte]": String(sinceUnix) })
    if (startingAfter) params.set("starting_after", startingAfter)
    const res = await fetch(`https://api.stripe.com/v1/payouts?${params}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    if (!res.ok) throw new Error(`payouts API answered ${res.status}`)
    const page = (await res.json()) as { data: Payout[]; has_more: boolean }
    out.push(...page.data)
    if (!page.has_more || page.data.length === 0) break
    startingAfter = page.data[page.data.length - 1].id
  }
  return out
}
