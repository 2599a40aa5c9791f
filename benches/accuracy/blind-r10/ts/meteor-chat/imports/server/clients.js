import Redis from 'ioredis';
import { Mongo, MongoInternals } from 'meteor/mongo';

let redisClient;

export function redis() {
  if (!redisClient) {
    redisClient = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: 3,
    });
  }
  return redisClient;
}

const archives = new Map();

export function archiveFor(orgId) {
  let archive = archives.get(orgId);
  if (!archive) {
    const driver = new MongoInternals.RemoteCollectionDriver(
      `${process.env.ARCHIVE_MONGO_BASE}/archive_${orgId}?authSource=admin`
    );
    archive = new Mongo.Collection('archived_messages', { _driver: driver, connection: null });
    archives.set(orgId, archive);
  }
  return archive;
}
