import { Tail } from "tail";
import sql from "mssql";
import { createPool } from "./db.js";

interface Hit {
  ts: Date;
  method: string;
  path: string;
  status: number;
  bytes: number;
  durationMs: number;
}

// log_format timed '$time_iso8601 $request_method $uri $status $body_bytes_sent $request_time';
const LINE = /^(\S+) (\S+) (\S+) (\d{3}) (\d+) ([\d.]+)$/;

function parse(line: string): Hit | null {
  const m = LINE.exec(line);
  if (!m) return null;
  return {
    ts: new Date(m[1]),
    method: m[2],
    path: m[3].slice(0, 400),
    status: Number(m[4]),
    bytes: Number(m[5]),
    durationMs: Math.round(Number(m[6]) * 1000),
  };
}

async function flush(pool: sql.ConnectionPool, batch: Hit[]): Promise<void> {
  const table = new sql.Table("access_log");
  table.create = false;
  table.columns.add("ts", sql.DateTime2, { nullable: false });
  table.columns.add("method", sql.VarChar(8), { nullable: false });
  table.columns.add("path", sql.NVarChar(400), { nullable: false });
  table.columns.add("status", sql.SmallInt, { nullable: false });
  table.columns.add("bytes", sql.BigInt, { nullable: false });
  table.columns.add("duration_ms", sql.Int, { nullable: false });
  for (const h of batch) table.rows.add(h.ts, h.method, h.path, h.status, h.bytes, h.durationMs);
  await pool.request().bulk(table);
}

async function main(): Promise<void> {
  const pool = await createPool("tailer");
  let buffer: Hit[] = [];

  const tail = new Tail(process.env.ACCESS_LOG ?? "/var/log/nginx/access.log", {
    follow: true,
    fromBeginning: false,
    useWatchFile: true,
  });
  tail.on("line", (line: string) => {
    const hit = parse(line);
    if (hit) buffer.push(hit);
  });
  tail.on("error", (err: unknown) => console.error("tail error", err));

  const timer = setInterval(async () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    try {
      await flush(pool, batch);
    } catch (err) {
      console.error(`flush of ${batch.length} rows failed`, err);
      buffer = batch.concat(buffer).slice(-50_000);
    }
  }, 5_000);

  process.on("SIGTERM", async () => {
    clearInterval(timer);
    tail.unwatch();
    if (buffer.length) await flush(pool, buffer).catch(() => undefined);
    await pool.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
