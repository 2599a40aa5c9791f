// One-off: dump the karma table to CSV for the end-of-year awards.
//   node dist/scripts/export-karma.js > karma.csv
import { Client } from "pg";

async function main(): Promise<void> {
  const since = process.argv[2] ?? `${new Date().getUTCFullYear()}-01-01`;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nick: string; points: number; acks: number }>(
      `SELECT k.nick, k.points, COUNT(a.*)::int AS acks
         FROM karma k
         LEFT JOIN incident_acks a ON a.nick ILIKE k.nick AND a.acked_at >= $1
        GROUP BY k.nick, k.points
        ORDER BY k.points DESC`,
      [since],
    );
    process.stdout.write("nick,points,acks\n");
    for (const r of rows) {
      process.stdout.write(`${r.nick},${r.points},${r.acks}\n`);
    }
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
