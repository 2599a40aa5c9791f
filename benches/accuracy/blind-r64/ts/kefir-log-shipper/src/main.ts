import { createInterface } from "node:readline";
import Kefir from "kefir";
import { clickhouseFor, closeAll } from "./sinks.js";

interface LogRow {
  tenant: string;
  unit: string;
  ts: string;
  priority: number;
  message: string;
}

const UNIT_RE = /^app@([a-z0-9-]+)\.service$/;

function parse(line: string): LogRow | null {
  try {
    const e = JSON.parse(line);
    const m = UNIT_RE.exec(e._SYSTEMD_UNIT ?? "");
    if (!m) return null;
    return {
      tenant: m[1],
      unit: e._SYSTEMD_UNIT,
      ts: new Date(Number(e.__REALTIME_TIMESTAMP) / 1000).toISOString().replace("T", " ").slice(0, 23),
      priority: Number(e.PRIORITY ?? 6),
      message: String(e.MESSAGE ?? ""),
    };
  } catch {
    return null;
  }
}

async function ship(batch: LogRow[]): Promise<number> {
  const byTenant = new Map<string, LogRow[]>();
  for (const row of batch) {
    const rows = byTenant.get(row.tenant) ?? [];
    rows.push(row);
    byTenant.set(row.tenant, rows);
  }
  for (const [tenant, rows] of byTenant) {
    const ch = clickhouseFor(tenant);
    if (!ch) continue;
    await ch.insert({ table: "app_logs", values: rows, format: "JSONEachRow" });
  }
  return batch.length;
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });

const shipped = Kefir.fromEvents<string, never>(rl, "line")
  .takeUntilBy(Kefir.fromEvents(rl, "close"))
  .map(parse)
  .filter((row): row is LogRow => row !== null)
  .bufferWithTimeOrCount(2_000, 1_000)
  .filter((batch) => batch.length > 0)
  // One ClickHouse round-trip per tenant per batch, batches shipped in order.
  .flatMapConcat((batch) => Kefir.fromPromise<number, Error>(ship(batch)));

let total = 0;
shipped.onValue((n) => {
  total += n;
});
shipped.onError((err) => console.error("shipping failed:", err));
shipped.onEnd(async () => {
  await closeAll();
  console.error(`stdin closed after ${total} lines, exiting`);
});
