import { createClient } from "@clickhouse/client";

export interface UsageRow {
  apiKeyId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

export async function recordUsage(row: UsageRow): Promise<void> {
  const clickhouse = createClient({
    url: process.env.CLICKHOUSE_URL ?? "http://127.0.0.1:8123",
    username: process.env.CLICKHOUSE_USER ?? "default",
    password: process.env.CLICKHOUSE_PASSWORD ?? "",
    database: "metering",
  });
  await clickhouse.insert({
    table: "requests",
    values: [{ ...row, ts: Math.floor(Date.now() / 1000) }],
    format: "JSONEachRow",
  });
}
