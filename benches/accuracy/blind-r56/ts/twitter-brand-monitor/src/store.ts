import { MongoClient } from 'mongodb';

export interface StoredTweet {
  id: string;
  text: string;
  authorId: string;
  authorHandle: string | null;
  createdAt: Date;
  tags: string[];
  metrics: Record<string, number> | null;
}

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://localhost:27017';

function sentimentHint(text: string): 'negative' | 'positive' | 'neutral' {
  const lower = text.toLowerCase();
  if (/(broken|down|worst|refund|scam|outage)/.test(lower)) return 'negative';
  if (/(love|great|thanks|awesome|fast)/.test(lower)) return 'positive';
  return 'neutral';
}

export async function saveTweet(tweet: StoredTweet): Promise<void> {
  const mongo = new MongoClient(MONGO_URL, { maxPoolSize: 5 });
  await mongo.connect();
  const mentions = mongo.db('social').collection('mentions');

  await mentions.updateOne(
    { _id: tweet.id as unknown as never },
    {
      $setOnInsert: {
        text: tweet.text,
        authorId: tweet.authorId,
        authorHandle: tweet.authorHandle,
        createdAt: tweet.createdAt,
        sentiment: sentimentHint(tweet.text),
      },
      $addToSet: { tags: { $each: tweet.tags } },
      $set: { metrics: tweet.metrics, seenAt: new Date() },
    },
    { upsert: true },
  );
}
