import { MongoClient } from 'mongodb';

const url = process.env.E2E_RESULTS_MONGO_URL ?? 'mongodb://localhost:27017';

// Launcher-side helpers: each runs once per `wdio run`, in the launcher process.
export async function openRun(runId: string, specCount: number): Promise<void> {
  const client = new MongoClient(url, { maxPoolSize: 1 });
  try {
    await client.connect();
    await client.db('e2e').collection('runs').insertOne({
      _id: runId as any,
      startedAt: new Date(),
      specCount,
      branch: process.env.GITHUB_REF_NAME ?? 'local',
    });
  } finally {
    await client.close();
  }
}

export async function closeRun(runId: string, exitCode: number): Promise<void> {
  const client = new MongoClient(url, { maxPoolSize: 1 });
  try {
    await client.connect();
    await client
      .db('e2e')
      .collection('runs')
      .updateOne({ _id: runId as any }, { $set: { finishedAt: new Date(), exitCode } });
  } finally {
    await client.close();
  }
}
