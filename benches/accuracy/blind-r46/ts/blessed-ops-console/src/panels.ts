import type { Widgets } from 'blessed';

import type { Clients } from './clients';

const QUEUES = ['emails', 'webhooks', 'exports', 'billing'];

export async function refreshQueues(list: Widgets.ListElement, { redis }: Clients) {
  const depths = await Promise.all(QUEUES.map((q) => redis.llen(`queue:${q}`)));
  list.setItems(QUEUES.map((q, i) => `${q.padEnd(12)} ${String(depths[i]).padStart(7)}`));
}

export async function refreshErrors(box: Widgets.BoxElement, { clickhouse }: Clients, minutes: number) {
  const result = await clickhouse.query({
    query: `SELECT service, countIf(status >= 500) AS errors, count() AS total
              FROM http_requests
             WHERE ts > now() - INTERVAL {minutes:UInt32} MINUTE
             GROUP BY service
             ORDER BY errors DESC
             LIMIT 15`,
    query_params: { minutes },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ service: string; errors: string; total: string }>();
  box.setContent(
    rows
      .map((r) => {
        const rate = (100 * Number(r.errors)) / Math.max(1, Number(r.total));
        return `${r.service.padEnd(24)} ${r.errors.padStart(6)} / ${r.total.padStart(8)}  ${rate.toFixed(2)}%`;
      })
      .join('\n'),
  );
}
