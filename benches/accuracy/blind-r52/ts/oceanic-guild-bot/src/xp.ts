import { MongoClient } from 'mongodb';

export interface MemberXp {
  guildId: string;
  userId: string;
  xp: number;
  level: number;
  lastAwardAt: Date;
}

const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
  appName: 'oceanic-guild-bot',
  maxPoolSize: 10,
});

const members = mongo.db('guildbot').collection<MemberXp>('members');

const COOLDOWN_MS = 60_000;

export function levelFor(xp: number): number {
  return Math.floor(0.1 * Math.sqrt(xp));
}

/** Returns the new level when the member levelled up, otherwise undefined. */
export async function awardXp(guildId: string, userId: string, messageLength: number): Promise<number | undefined> {
  const now = new Date();
  const gained = Math.min(25, 5 + Math.floor(messageLength / 20));

  const updated = await members.findOneAndUpdate(
    { guildId, userId, lastAwardAt: { $lt: new Date(now.getTime() - COOLDOWN_MS) } },
    { $inc: { xp: gained }, $set: { lastAwardAt: now } },
    { returnDocument: 'after' },
  );

  if (!updated) {
    await members.updateOne(
      { guildId, userId },
      { $setOnInsert: { xp: gained, level: 0, lastAwardAt: now } },
      { upsert: true },
    );
    return undefined;
  }

  const level = levelFor(updated.xp);
  if (level > updated.level) {
    await members.updateOne({ _id: updated._id }, { $set: { level } });
    return level;
  }
  return undefined;
}

export async function closeXpStore(): Promise<void> {
  await mongo.close();
}
