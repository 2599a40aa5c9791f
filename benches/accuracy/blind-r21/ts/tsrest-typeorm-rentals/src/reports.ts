import { DataSource } from "typeorm";
import { Booking } from "./db";

// Separate data source for reporting so long-running aggregates get their own
// statement timeout and don't starve the booking endpoints.
export const ReportsDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Booking],
  synchronize: false,
  extra: { max: 5, statement_timeout: 60_000 },
});

export async function occupancyForMonth(month: string): Promise<{ unitId: string; nights: number }[]> {
  const rows: { unit_id: string; nights: string }[] = await ReportsDataSource.query(
    `SELECT unit_id, SUM(LEAST(check_out, (date_trunc('month', $1::date) + interval '1 month')::date)
                    - GREATEST(check_in, $1::date)) AS nights
       FROM bookings
      WHERE status = 'confirmed'
        AND check_in < (date_trunc('month', $1::date) + interval '1 month')
        AND check_out > $1::date
      GROUP BY unit_id
      ORDER BY unit_id`,
    [`${month}-01`],
  );
  return rows.map((r) => ({ unitId: r.unit_id, nights: Number(r.nights) }));
}

export async function cancellationsForMonth(month: string): Promise<number> {
  const [row]: { n: string }[] = await ReportsDataSource.query(
    "SELECT COUNT(*) AS n FROM bookings WHERE status = 'cancelled' AND date_trunc('month', check_in) = $1::date",
    [`${month}-01`],
  );
  return Number(row.n);
}
