// One-off: recompute HourlyRollup for a date range.
//   npm run backfill -- 2024-01-01 2024-02-01
import sql from 'mssql';
import { sqlConfig } from '../src/db.js';

async function backfill(from: Date, to: Date) {
  const pool = new sql.ConnectionPool({ ...sqlConfig, pool: { max: 2 } });
  await pool.connect();
  try {
    for (let day = new Date(from); day < to; day.setUTCDate(day.getUTCDate() + 1)) {
      const next = new Date(day);
      next.setUTCDate(next.getUTCDate() + 1);
      const res = await pool
        .request()
        .input('from', sql.DateTime2, day)
        .input('to', sql.DateTime2, next)
        .execute('dbo.RebuildHourlyRollup');
      console.log(`${day.toISOString().slice(0, 10)}: ${res.rowsAffected.reduce((a, b) => a + b, 0)} rows`);
    }
  } finally {
    await pool.close();
  }
}

const [fromArg, toArg] = process.argv.slice(2);
if (!fromArg || !toArg) {
  console.error('usage: backfill <from> <to>');
  process.exit(2);
}
await backfill(new Date(fromArg), new Date(toArg));
