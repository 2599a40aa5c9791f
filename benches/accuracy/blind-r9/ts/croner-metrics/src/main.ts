import { Cron } from 'croner';
import { pollPartnerStatus, rollupHourly } from './jobs.js';

const poll = new Cron('*/30 * * * * *', { name: 'partner-status', protect: true }, async () => {
  await pollPartnerStatus();
});

const rollup = new Cron('5 * * * *', { name: 'hourly-rollup', protect: true, catch: err => console.error('rollup failed', err) }, rollupHourly);

console.log(`partner-status next run at ${poll.nextRun()?.toISOString()}`);
console.log(`hourly-rollup next run at ${rollup.nextRun()?.toISOString()}`);

process.on('SIGTERM', () => {
  poll.stop();
  rollup.stop();
  process.exit(0);
});
