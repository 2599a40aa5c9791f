import { MongoClient } from 'mongodb';
import { S3Client } from '@aws-sdk/client-s3';

export type Clients = { mongo: MongoClient; s3: S3Client };

// Called once from main(). The FTP host often boots before the replica set is
// reachable, so the first connection is retried; failed clients are closed.
export async function connectClients(): Promise<Clients> {
  const uri = process.env.MONGO_URL ?? 'mongodb://mongo-0.internal,mongo-1.internal/?replicaSet=rs0';
  let mongo: MongoClient | undefined;
  for (let attempt = 1; attempt <= 12; attempt++) {
    const candidate = new MongoClient(uri, { appName: 'ftp-drop', maxPoolSize: 10 });
    try {
      await candidate.connect();
      await candidate.db('admin').command({ ping: 1 });
      mongo = candidate;
      break;
    } catch (err) {
      await candidate.close();
      console.warn(`mongo connect attempt ${attempt} failed: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
  if (!mongo) throw new Error('could not reach MongoDB');

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1', maxAttempts: 4 });
  return { mongo, s3 };
}
