import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  idle_timeout: 20,
});

export interface MonthlyRow {
  month: string;
  invoices: number;
  billed_cents: number;
  paid_cents: number;
}

export async function monthlySummary(customerId: string, year: number): Promise<MonthlyRow[]> {
  return sql<MonthlyRow[]>`
    SELECT to_char(date_trunc('month', issued_at), 'YYYY-MM') AS month,
           count(*)::int                                       AS invoices,
           sum(total_cents)::bigint                            AS billed_cents,
           sum(total_cents) FILTER (WHERE status = 'paid')::bigint AS paid_cents
      FROM invoices
     WHERE customer_id = ${customerId}
       AND issued_at >= make_date(${year}, 1, 1)
       AND issued_at <  make_date(${year + 1}, 1, 1)
     GROUP BY 1
     ORDER BY 1
  `;
}

export function toCsv(rows: MonthlyRow[]): string {
  const header = 'month,invoices,billed,paid';
  const lines = rows.map(
    (r) =>
      `${r.month},${r.invoices},${(Number(r.billed_cents) / 100).toFixed(2)},${(Number(r.paid_cents ?? 0) / 100).toFixed(2)}`,
  );
  return [header, ...lines].join('\n') + '\n';
}
