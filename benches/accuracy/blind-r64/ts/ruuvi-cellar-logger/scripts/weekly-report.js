'use strict';

// Run by a systemd timer every Monday: one process, one connection, then exit.
const { Client } = require('pg');

async function main() {
  const client = new Client({ connectionString: process.env.CELLAR_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT s.name,
              round(min(r.temperature)::numeric, 1) AS min_t,
              round(max(r.temperature)::numeric, 1) AS max_t,
              round(avg(r.humidity)::numeric, 0)    AS avg_h
         FROM readings r JOIN sensors s ON s.tag_id = r.tag_id
        WHERE r.measured_at > now() - interval '7 days'
        GROUP BY s.name ORDER BY s.name`,
    );
    for (const row of rows) {
      console.log(`${row.name.padEnd(16)} ${row.min_t}..${row.max_t} °C  ${row.avg_h}% RH`);
    }
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
