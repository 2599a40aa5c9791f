// One-off: rebuild the incidents rollup from the raw collection for a date range.
//   node dist/scripts/backfill.js 2024-06-01 2024-06-08
import { createMongo } from '../src/lib/mongo.js';

async function run(from: string, to: string): Promise<void> {
  const mongo = await createMongo('syslog-backfill');
  try {
    const db = mongo.db('logs');
    await db
      .collection('raw')
      .aggregate([
        { $match: { severity: { $lte: 3 }, receivedAt: { $gte: new Date(from), $lt: new Date(to) } } },
        {
          $group: {
            _id: { host: '$host', app: '$app', hour: { $dateTrunc: { date: '$receivedAt', unit: 'hour' } } },
            count: { $sum: 1 },
            lastMessage: { $last: '$message' },
          },
        },
        { $project: { _id: 0, host: '$_id.host', app: '$_id.app', hour: '$_id.hour', count: 1, lastMessage: 1 } },
        { $merge: { into: 'incidents', on: ['host', 'app', 'hour'], whenMatched: 'replace' } },
      ])
      .toArray();
    console.log(`rebuilt incidents ${from}..${to}`);
  } finally {
    await mongo.close();
  }
}

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: backfill <from> <to>');
  process.exit(2);
}
await run(from, to);
