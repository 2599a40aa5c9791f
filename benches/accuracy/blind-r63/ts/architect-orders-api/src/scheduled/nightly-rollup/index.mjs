import { withClient } from '@architect/shared/db.mjs';

// Runs once a night in its own Lambda function.
export async function handler() {
  const result = await withClient((client) =>
    client.query(
      `insert into daily_sales (day, orders, revenue_cents)
       select created_at::date, count(*), sum(total_cents)
         from orders
        where created_at >= current_date - 1 and created_at < current_date
        group by 1
       on conflict (day) do update set orders = excluded.orders, revenue_cents = excluded.revenue_cents`
    )
  );
  console.log(`rolled up ${result.rowCount} day(s)`);
}
