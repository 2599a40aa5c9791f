import { Server } from '@hocuspocus/server';
import { Logger } from '@hocuspocus/extension-logger';
import { Redis } from 'ioredis';
import { jwtVerify } from 'jose';
import { MongoClient } from 'mongodb';
import * as Y from 'yjs';
import { loadSnapshot, storeSnapshot } from './storage.js';

const secret = new TextEncoder().encode(process.env.JWT_SECRET ?? 'dev-secret');
const readClient = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');

const server = Server.configure({
  port: Number(process.env.PORT ?? 1234),
  debounce: 3000,
  maxDebounce: 15000,
  extensions: [new Logger()],

  async onAuthenticate({ token, documentName }) {
    const { payload } = await jwtVerify(token, secret);
    const revocations = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    const revoked = await revocations.sismember('revoked_sessions', String(payload.sid));
    if (revoked) {
      throw new Error('session revoked');
    }
    const allowed = await revocations.sismember(`doc:${documentName}:members`, String(payload.sub));
    if (!allowed) {
      throw new Error('not a member of this document');
    }
    return { user: { id: payload.sub, name: payload.name } };
  },

  async onLoadDocument({ documentName, document }) {
    const state = await loadSnapshot(readClient, documentName);
    if (state) {
      Y.applyUpdate(document, state);
    }
    return document;
  },

  async onStoreDocument({ documentName, document }) {
    await storeSnapshot(documentName, document);
  },
});

await readClient.connect();
server.listen();
