import { MongoClient } from 'mongodb';
import type { mastodon } from 'masto';

// Raw copy of every status the bot sees, used by the weekly digest job.
const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
  maxPoolSize: 20,
});
const statuses = mongo.db('recsbot').collection('timeline');

export async function archiveStatus(status: mastodon.v1.Status): Promise<void> {
  await statuses.updateOne(
    { _id: status.id as unknown as never },
    {
      $set: {
        acct: status.account.acct,
        createdAt: new Date(status.createdAt),
        content: status.content,
        tags: status.tags.map((t) => t.name.toLowerCase()),
        visibility: status.visibility,
      },
    },
    { upsert: true },
  );
}

export async function recentTags(acct: string, limit = 5): Promise<string[]> {
  const docs = await statuses
    .aggregate<{ _id: string }>([
      { $match: { acct } },
      { $unwind: '$tags' },
      { $group: { _id: '$tags', n: { $sum: 1 } } },
      { $sort: { n: -1 } },
      { $limit: limit },
    ])
    .toArray();
  return docs.map((d) => d._id);
}
