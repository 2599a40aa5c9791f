import { createClient } from '@clickhouse/client';
import { Pool } from 'undici';
import { Redis } from 'ioredis';
import { config } from './config.js';

// Used for the "last run" watermark; one connection for the whole process.
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });

interface PartnerStatus {
  service: string;
  latency_ms: number;
  healthy: boolean;
}

export async function pollPartnerStatus(): Promise<void> {
  const partner = new Pool(config.statusApi, { connections: 8, pipelining: 1 });
  const { body, statusCode } = await partner.request({ path: '/v2/services', method: 'GET' });
  if (statusCode !== 200) {
    await body.dump();
    return;
  }
  const services = (await body.json()) as PartnerStatus[];

  const ch = createClient({
    url: config.clickhouseUrl,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
    database: 'observability',
  });
  await ch.insert({
    table: 'partner_status',
    values: services.map(s => ({ ...s, observed_at: Math.floor(Date.now() / 1000) })),
    format: 'JSONEachRow',
  });
  await redis.set('partner_status:last_run', Date.now().toString());
}

export async function rollupHourly(): Promise<void> {
  const since = Number((await redis.get('rollup:watermark')) ?? 0);
  const ch = createClient({ url: config.clickhouseUrl, username: config.clickhouseUser, password: config.clickhousePassword });
  try {
    await ch.command({
      query: `INSERT INTO observability.partner_status_hourly
              SELECT service, toStartOfHour(toDateTime(observed_at)) AS hour, avg(latency_ms), countIf(NOT healthy)
              FROM observability.partner_status
              WHERE observed_at >= {since:UInt32}
              GROUP BY service, hour`,
      query_params: { since },
    });
  } finally {
    await ch.close();
  }
  await redis.set('rollup:watermark', Math.floor(Date.now() / 1000).toString());
}
