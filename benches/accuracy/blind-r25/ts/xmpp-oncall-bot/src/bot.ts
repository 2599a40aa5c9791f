import { client, xml } from '@xmpp/client';
import debug from '@xmpp/debug';
import { Redis } from 'ioredis';
import { connectMongo } from './mongo.js';
import { StanzaRouter } from './router.js';

async function main(): Promise<void> {
  const mongo = await connectMongo(process.env.MONGODB_URI ?? 'mongodb://localhost:27017');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/4');

  const xmpp = client({
    service: process.env.XMPP_SERVICE ?? 'xmpps://chat.noc.example:5223',
    domain: process.env.XMPP_DOMAIN ?? 'noc.example',
    resource: 'oncall-bot',
    username: process.env.XMPP_USERNAME ?? 'oncall',
    password: process.env.XMPP_PASSWORD,
  });
  debug(xmpp, process.env.XMPP_DEBUG === '1');

  // Built once; every incoming stanza reuses the same Mongo and Redis clients.
  const router = new StanzaRouter({ xmpp, mongo, redis });

  xmpp.on('error', (err) => console.error('xmpp error:', err.message));
  xmpp.on('offline', () => console.warn('xmpp offline'));
  xmpp.on('online', async (address) => {
    console.log(`online as ${address.toString()}`);
    await xmpp.send(xml('presence', {}, xml('status', {}, 'Type !oncall')));
  });
  xmpp.on('stanza', (stanza) => {
    router.handle(stanza).catch((err) => console.error('stanza handler failed:', err));
  });

  const stop = async () => {
    await xmpp.send(xml('presence', { type: 'unavailable' })).catch(() => undefined);
    await xmpp.stop();
    await redis.quit();
    await mongo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await xmpp.start();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
