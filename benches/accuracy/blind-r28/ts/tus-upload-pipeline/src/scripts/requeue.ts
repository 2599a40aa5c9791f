// One-off operator script: `npm run requeue -- --since 2024-08-01 [--dry-run]`
import { parseArgs } from "node:util";
import { createPool } from "../db.js";

const { values } = parseArgs({
  options: {
    since: { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  if (!values.since || Number.isNaN(Date.parse(values.since))) {
    throw new Error("--since YYYY-MM-DD is required");
  }
  const pool = createPool("script");
  try {
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM media_jobs WHERE state = 'failed' AND updated_at >= $1",
      [values.since],
    );
    console.log(`${rows[0].n} failed jobs since ${values.since}`);
    if (values["dry-run"]) return;

    const result = await pool.query(
      "UPDATE media_jobs SET state = 'queued', attempts = 0 WHERE state = 'failed' AND updated_at >= $1",
      [values.since],
    );
    console.log(`requeued ${result.rowCount} jobs`);
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
