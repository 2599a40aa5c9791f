import { defaultEndpointsFactory } from "express-zod-api";
import { Pool } from "pg";
import { z } from "zod";
import { balance } from "../ledger.js";

// Read-only analytics replica; dashboards fan out many queries at once.
const analytics = new Pool({
  connectionString: process.env.ANALYTICS_DATABASE_URL,
  max: 120,
  idleTimeoutMillis: 10_000,
  statement_timeout: 15_000,
});

async function revenueByMonth(accountId: string, months: number) {
  const { rows } = await analytics.query<{ month: string; revenue_cents: string }>(
    `SELECT to_char(date_trunc('month', finalized_at), 'YYYY-MM') AS month,
            sum(total_cents) AS revenue_cents
       FROM invoices
      WHERE account_id = $1 AND finalized_at > now() - make_interval(months => $2)
      GROUP BY 1 ORDER BY 1`,
    [accountId, months],
  );
  return rows.map((r) => ({ month: r.month, revenueCents: Number(r.revenue_cents) }));
}

export const accountSummary = defaultEndpointsFactory.build({
  method: "get",
  input: z.object({
    accountId: z.string().min(1),
    months: z.string().regex(/^\d+$/).transform(Number).default("12"),
  }),
  output: z.object({
    balanceCents: z.number(),
    revenue: z.array(z.object({ month: z.string(), revenueCents: z.number() })),
  }),
  handler: async ({ input }) => {
    const [balanceCents, revenue] = await Promise.all([
      balance(input.accountId),
      revenueByMonth(input.accountId, Math.min(input.months, 36)),
    ]);
    return { balanceCents, revenue };
  },
});
