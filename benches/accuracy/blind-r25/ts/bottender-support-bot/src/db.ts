import { MongoClient, type Collection } from 'mongodb';

export interface Ticket {
  _id?: string;
  lineUserId: string;
  subject: string;
  originalText: string;
  translatedText?: string;
  sourceLang?: string;
  status: 'open' | 'pending' | 'closed';
  createdAt: Date;
  updatedAt: Date;
}

// Connected lazily by the driver on first operation; one client per bot process.
const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017', {
  maxPoolSize: 20,
  appName: 'support-bot',
});

const db = client.db('support');

export const tickets: Collection<Ticket> = db.collection<Ticket>('tickets');

export async function nextTicketNumber(): Promise<number> {
  const res = await db
    .collection<{ _id: string; seq: number }>('counters')
    .findOneAndUpdate({ _id: 'ticket' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
  return res?.seq ?? 1;
}
