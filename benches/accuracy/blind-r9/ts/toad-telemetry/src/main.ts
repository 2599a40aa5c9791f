import { AsyncTask, SimpleIntervalJob, ToadScheduler } from 'toad-scheduler';
import { buildClient, connectWithRetry } from './cassandra.js';
import { makeCompactAlerts } from './jobs/compact-alerts.js';
import { makePullReadings } from './jobs/pull-readings.js';

async function main() {
  const client = buildClient();
  await connectWithRetry(client);

  const scheduler = new ToadScheduler();
  const onError = (err: Error) => console.error('job failed', err);

  scheduler.addSimpleIntervalJob(
    new SimpleIntervalJob(
      { seconds: 20, runImmediately: true },
      new AsyncTask('pull-readings', makePullReadings(client), onError),
      { id: 'pull-readings', preventOverrun: true },
    ),
  );
  scheduler.addSimpleIntervalJob(
    new SimpleIntervalJob({ minutes: 10 }, new AsyncTask('compact-alerts', makeCompactAlerts(client), onError), {
      id: 'compact-alerts',
      preventOverrun: true,
    }),
  );

  const shutdown = async () => {
    scheduler.stop();
    await client.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
