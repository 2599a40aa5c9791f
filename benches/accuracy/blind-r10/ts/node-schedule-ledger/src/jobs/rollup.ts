import type { Db } from 'mongodb';

interface HourTotal {
  _id: { account: string; hour: Date };
  debit: number;
  credit: number;
}

export function rollupJob(db: Db) {
  return async (fireDate: Date) => {
    const windowEnd = new Date(fireDate);
    windowEnd.setMinutes(0, 0, 0);
    const windowStart = new Date(windowEnd.getTime() - 3600 * 1000);

    const totals = await db
      .collection('entries')
      .aggregate<HourTotal>([
        { $match: { postedAt: { $gte: windowStart, $lt: windowEnd } } },
        {
          $group: {
            _id: { account: '$account', hour: { $dateTrunc: { date: '$postedAt', unit: 'hour' } } },
            debit: { $sum: { $cond: [{ $eq: ['$side', 'debit'] }, '$amount', 0] } },
            credit: { $sum: { $cond: [{ $eq: ['$side', 'credit'] }, '$amount', 0] } },
          },
        },
      ])
      .toArray();

    if (totals.length === 0) return;

    await db.collection('hourly_totals').bulkWrite(
      totals.map((t) => ({
        updateOne: {
          filter: { account: t._id.account, hour: t._id.hour },
          update: { $set: { debit: t.debit, credit: t.credit, computedAt: new Date() } },
          upsert: true,
        },
      })),
    );
    console.log(`rollup ${windowStart.toISOString()}: ${totals.length} accounts`);
  };
}
