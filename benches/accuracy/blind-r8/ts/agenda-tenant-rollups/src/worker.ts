import { Agenda, Job } from 'agenda';
import { MongoClient } from 'mongodb';
import { tenantHandle, closeAllTenants } from './tenants';

interface RollupJobData {
  tenantId: string;
  day: string;
}

async function main() {
  const control = new MongoClient(process.env.CONTROL_MONGO_URL ?? 'mongodb://localhost:27017/control');
  await control.connect();
  const controlDb = control.db();

  const agenda = new Agenda({
    mongo: controlDb,
    db: { collection: 'agendaJobs' },
    processEvery: '30 seconds',
    maxConcurrency: 20,
    defaultConcurrency: 5,
  });

  agenda.define('rollup-tenant-day', async (job: Job<RollupJobData>) => {
    const { tenantId, day } = job.attrs.data;
    const { Event, DailyRollup } = tenantHandle(tenantId);
    const start = new Date(`${day}T00:00:00Z`);
    const end = new Date(start.getTime() + 24 * 3600 * 1000);

    const rows = await Event.aggregate<{ _id: string; count: number; users: string[] }>([
      { $match: { at: { $gte: start, $lt: end } } },
      { $group: { _id: '$type', count: { $sum: 1 }, users: { $addToSet: '$userId' } } },
    ]);

    await DailyRollup.bulkWrite(
      rows.map((r) => ({
        updateOne: {
          filter: { day, type: r._id },
          update: { $set: { count: r.count, uniqueUsers: r.users.length } },
          upsert: true,
        },
      })),
    );
  });

  agenda.define('schedule-rollups', async () => {
    const day = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const tenants = await controlDb
      .collection<{ _id: string; active: boolean }>('tenants')
      .find({ active: true }, { projection: { _id: 1 } })
      .toArray();
    for (const t of tenants) {
      await agenda.now<RollupJobData>('rollup-tenant-day', { tenantId: t._id, day });
    }
  });

  await agenda.start();
  await agenda.every('0 2 * * *', 'schedule-rollups', {}, { timezone: 'UTC' });

  const shutdown = async () => {
    await agenda.stop();
    await closeAllTenants();
    await control.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
