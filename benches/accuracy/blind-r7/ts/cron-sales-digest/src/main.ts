import cron from 'node-cron';
import { getPool, closePool } from './db.js';
import { postDailyDigest, rollupHourly } from './jobs.js';

function guarded(name: string, job: () => Promise<void>) {
  let busy = false;
  return async () => {
    if (busy) return;
    busy = true;
    const started = Date.now();
    try {
      await job();
      console.log(`${name} finished in ${Date.now() - started}ms`);
    } catch (err) {
      console.error(`${name} failed`, err);
    } finally {
      busy = false;
    }
  };
}

await getPool();

const tasks = [
  cron.schedule('5 * * * *', guarded('rollup-hourly', rollupHourly), { timezone: 'UTC' }),
  cron.schedule('0 8 * * 1-5', guarded('daily-digest', postDailyDigest), { timezone: 'America/New_York' }),
];

process.once('SIGTERM', async () => {
  tasks.forEach((t) => t.stop());
  await closePool();
  process.exit(0);
});
