import { makeClickHouse } from './clients.js';
import { buildJobs } from './jobs.js';

const ch = makeClickHouse('cron-digest');
const jobs = buildJobs(ch);

const alive = await ch.ping();
if (!alive.success) {
  console.error('ClickHouse is unreachable', alive.error);
  process.exit(1);
}

for (const job of jobs) job.start();
console.log(`started ${jobs.length} jobs`);

async function shutdown() {
  for (const job of jobs) job.stop();
  await ch.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
