import { MongoClient, type Collection } from 'mongodb';

interface SeenStatus {
  _id: string;
  account: string;
  handledAt: Date;
}

interface OptOut {
  _id: string; // acct
  since: Date;
}

const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
  appName: 'recs-bot',
});
const db = client.db('recsbot');

export const seen: Collection<SeenStatus> = db.collection<SeenStatus>('seen_statuses');
export const optOuts: Collection<OptOut> = db.collection<OptOut>('opt_outs');

export async function alreadyHandled(statusId: string): Promise<boolean> {
  return (await seen.countDocuments({ _id: statusId }, { limit: 1 })) > 0;
}

export async function markHandled(statusId: string, account: string): Promise<void> {
  await seen.updateOne(
    { _id: statusId },
    { $setOnInsert: { account, handledAt: new Date() } },
    { upsert: true },
  );
}

export async function isOptedOut(acct: string): Promise<boolean> {
  return (await optOuts.findOne({ _id: acct })) !== null;
}
