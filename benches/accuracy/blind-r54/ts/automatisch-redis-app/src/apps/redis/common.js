import { createHash } from 'node:crypto';
import Redis from 'ioredis';

const sharedClients = new Map();

function connectionOptions($) {
  const { host, port, username, password, database, tls } = $.auth.data;
  return {
    host,
    port: Number(port || 6379),
    username: username || undefined,
    password: password || undefined,
    db: Number(database || 0),
    tls: tls === true || tls === 'true' ? {} : undefined,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  };
}

function credentialsKey($) {
  return createHash('sha256').update(JSON.stringify(connectionOptions($))).digest('hex');
}

export function createRedisClient($) {
  return new Redis(connectionOptions($));
}

export function getSharedClient($) {
  const key = credentialsKey($);
  let client = sharedClients.get(key);
  if (!client) {
    client = new Redis(connectionOptions($));
    client.on('error', () => {});
    sharedClients.set(key, client);
  }
  return client;
}

export function evictSharedClient($) {
  const key = credentialsKey($);
  const client = sharedClients.get(key);
  if (client) {
    sharedClients.delete(key);
    client.disconnect();
  }
}
