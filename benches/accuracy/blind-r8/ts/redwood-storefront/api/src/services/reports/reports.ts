import type { QueryResolvers } from 'types/graphql'

import { reportingDb } from 'src/lib/reportingDb'

type Row = { day: Date; units: bigint; revenue_cents: bigint }

export const salesByDay: QueryResolvers['salesByDay'] = async ({ days }) => {
  const rows = await reportingDb.$queryRaw<Row[]>`
    SELECT date_trunc('day', oi."createdAt") AS day,
           sum(oi.quantity)                  AS units,
           sum(oi.quantity * p."priceCents") AS revenue_cents
      FROM "OrderItem" oi
      JOIN "Product" p ON p.id = oi."productId"
     WHERE oi."createdAt" > now() - make_interval(days => ${days})
     GROUP BY 1
     ORDER BY 1`

  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    units: Number(r.units),
    revenueCents: Number(r.revenue_cents),
  }))
}
