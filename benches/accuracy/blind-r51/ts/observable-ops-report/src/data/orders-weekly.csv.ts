import { csvFormat } from 'd3-dsv';

import { withWarehouse } from '../lib/warehouse.js';

const rows = await withWarehouse(async (client) => {
  const { rows } = await client.query(`
    SELECT date_trunc('week', created_at)::date AS week, channel, count(*) AS orders, sum(total_cents) / 100.0 AS revenue
    FROM orders
    WHERE created_at > now() - interval '26 weeks'
    GROUP BY 1, 2
    ORDER BY 1, 2`);
  return rows;
});

process.stdout.write(csvFormat(rows));
