import { MongoClient } from 'mongodb';

export interface Mailbox {
  address: string;
  tenantId: string;
  active: boolean;
  quotaBytes: number;
}

export function openMailboxDb(): MongoClient {
  return new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName: 'smtp-inbound',
    serverSelectionTimeoutMS: 3000,
  });
}
