// Name: Customer Lookup
// Description: Search customers by name or email and show their balance
// Shortcut: cmd opt c

import "@johnlindquist/kit"
import pg from "pg"

interface CustomerHit {
  id: string
  name: string
  email: string
  balance_cents: number
  open_invoices: number
}

const connectionString = await env("FINANCE_DATABASE_URL", { secret: true })
const db = new pg.Client({ connectionString, application_name: "script-kit-lookup" })
await db.connect()

try {
  // choices() runs on every keystroke; it reuses the one connection opened above
  const picked = await arg<CustomerHit>({
    placeholder: "Customer name or email",
    choices: async (input: string) => {
      if (!input || input.length < 2) return []
      const { rows } = await db.query<CustomerHit>(
        `SELECT c.id, c.name, c.email, c.balance_cents,
                (SELECT count(*)::int FROM invoices i WHERE i.customer_id = c.id AND i.status = 'open') AS open_invoices
           FROM customers c
          WHERE c.name ILIKE $1 OR c.email ILIKE $1
          ORDER BY c.name
          LIMIT 20`,
        [`%${input}%`]
      )
      return rows.map((r) => ({
        name: r.name,
        description: `${r.email} · balance ${(r.balance_cents / 100).toFixed(2)} · ${r.open_invoices} open`,
        value: r,
      }))
    },
  })

  const { rows: invoices } = await db.query<{ number: string; total_cents: number; due_at: Date }>(
    "SELECT number, total_cents, due_at FROM invoices WHERE customer_id = $1 AND status = 'open' ORDER BY due_at",
    [picked.id]
  )

  await div(
    md(`# ${picked.name}
${picked.email}

Balance: **${(picked.balance_cents / 100).toFixed(2)}**

${invoices.map((i) => `- ${i.number}: ${(i.total_cents / 100).toFixed(2)} due ${i.due_at.toISOString().slice(0, 10)}`).join("\n") || "_No open invoices_"}
`)
  )
} finally {
  await db.end()
}
