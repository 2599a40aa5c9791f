import { MongoClient } from 'mongodb';

// Conversation analytics for the weekly support report. Same cluster and
// database as the tickets, separate collection.
const mongo = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017', {
  appName: 'support-bot-analytics',
  maxPoolSize: 10,
});

const events = mongo.db('support').collection('conversation_events');

export type EventKind = 'greeting' | 'ticket_opened' | 'ticket_message' | 'translated' | 'unknown';

export async function track(kind: EventKind, userId: string, extra: Record<string, unknown> = {}) {
  try {
    await events.insertOne({ kind, userId, at: new Date(), ...extra });
  } catch (err) {
    // Analytics must never break a conversation.
    console.warn(`analytics insert failed: ${(err as Error).message}`);
  }
}

export async function dailyCounts(day: Date) {
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const end = new Date(start.getTime() + 86_400_000);
  return events
    .aggregate([
      { $match: { at: { $gte: start, $lt: end } } },
      { $group: { _id: '$kind', n: { $sum: 1 } } },
      { $sort: { n: -1 } },
    ])
    .toArray();
}
