import { createClient } from '@clickhouse/client';
import os from 'node:os';

const HOST = os.hostname();

const LEVEL_RE = /\b(FATAL|ERROR|WARN(?:ING)?)\b/i;

function classify(line: string): string {
  const m = LEVEL_RE.exec(line);
  return m ? m[1].toUpperCase().replace('WARNING', 'WARN') : 'ERROR';
}

export async function shipErrorLine(app: string, pmId: number, data: string, at: number): Promise<void> {
  const lines = data.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return;

  const clickhouse = createClient({
    url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
    username: process.env.CLICKHOUSE_USER ?? 'default',
    password: process.env.CLICKHOUSE_PASSWORD ?? '',
    database: 'observability',
    request_timeout: 10_000,
  });

  await clickhouse.insert({
    table: 'pm2_error_lines',
    format: 'JSONEachRow',
    values: lines.map((line, i) => ({
      host: HOST,
      app,
      pm_id: pmId,
      level: classify(line),
      line: line.slice(0, 8192),
      seq: i,
      ts: Math.floor(at / 1000),
    })),
  });
  await clickhouse.close();
}
