import { CronJob } from 'cron';
import type { ClickHouseClient } from '@clickhouse/client';
import { request } from 'undici';

interface TopPage {
  path: string;
  views: string;
  uniques: string;
}

async function postToSlack(text: string): Promise<void> {
  const { statusCode, body } = await request(process.env.SLACK_WEBHOOK_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  await body.dump();
  if (statusCode >= 300) throw new Error(`slack webhook returned ${statusCode}`);
}

export function buildJobs(ch: ClickHouseClient): CronJob[] {
  const hourlyTopPages = CronJob.from({
    cronTime: '0 5 * * * *',
    timeZone: 'Europe/Berlin',
    start: false,
    onTick: async () => {
      const rs = await ch.query({
        query: `SELECT path, count() AS views, uniqExact(visitor_id) AS uniques
                FROM pageviews
                WHERE ts >= now() - INTERVAL 1 HOUR
                GROUP BY path ORDER BY views DESC LIMIT {limit:UInt8}`,
        query_params: { limit: 10 },
        format: 'JSONEachRow',
      });
      const rows = await rs.json<TopPage>();
      const lines = rows.map((r, i) => `${i + 1}. ${r.path} - ${r.views} views / ${r.uniques} visitors`);
      await postToSlack(`*Top pages, last hour*\n${lines.join('\n')}`);
    },
  });

  const nightlyRollup = CronJob.from({
    cronTime: '0 30 2 * * *',
    timeZone: 'UTC',
    start: false,
    onTick: async () => {
      await ch.command({
        query: `INSERT INTO pageviews_daily
                SELECT toDate(ts) AS day, path, count() AS views, uniqExact(visitor_id) AS uniques
                FROM pageviews WHERE toDate(ts) = yesterday()
                GROUP BY day, path`,
      });
      await postToSlack('Nightly pageview rollup finished.');
    },
  });

  return [hourlyTopPages, nightlyRollup];
}
