import { MongoClient } from 'mongodb';

const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
  appName: 'sf-cdc-dlq',
  maxPoolSize: 5,
});

export async function deadLetter(channel, message, error) {
  await mongo
    .db('crm_sync')
    .collection('dead_letters')
    .insertOne({
      channel,
      replayId: message.event?.replayId,
      message,
      error: String(error?.stack ?? error),
      failedAt: new Date(),
    });
}
