'use strict';

// One-off: list invoices that never got a PDF so finance can re-publish them.
// Usage: RDS_HOST=... node scripts/find-missing.js 2024-06-01
const mysql = require('mysql2/promise');

async function main() {
  const since = process.argv[2] ?? '1970-01-01';
  const conn = await mysql.createConnection({
    host: process.env.RDS_HOST,
    user: process.env.RDS_USER,
    password: process.env.RDS_PASSWORD,
    database: process.env.RDS_DATABASE ?? 'billing',
  });
  try {
    const [rows] = await conn.query(
      'SELECT id, number FROM invoices WHERE pdf_key IS NULL AND issued_at >= ? ORDER BY issued_at',
      [since],
    );
    for (const r of rows) console.log(`${r.id}\t${r.number}`);
    console.error(`${rows.length} invoices without a PDF since ${since}`);
  } finally {
    await conn.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
