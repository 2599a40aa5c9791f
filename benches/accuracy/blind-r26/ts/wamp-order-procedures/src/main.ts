import autobahn from 'autobahn';
import { Agent } from 'undici';
import { createPool, waitForDb } from './db';
import { makeProcedures } from './procedures';

async function main(): Promise<void> {
  const pool = createPool();
  await waitForDb(pool);
  const http = new Agent({ connections: 8, keepAliveTimeout: 30_000 });
  const procs = makeProcedures({
    pool,
    http,
    taxServiceUrl: process.env.TAX_SERVICE_URL ?? 'http://tax.internal:8080',
  });

  const connection = new autobahn.Connection({
    url: process.env.WAMP_URL ?? 'ws://crossbar:8080/ws',
    realm: process.env.WAMP_REALM ?? 'shop',
    max_retries: -1,
    max_retry_delay: 30,
  });

  // onopen fires on the first session and again after every reconnect;
  // it only (re)registers the already-built procedures.
  connection.onopen = (session: autobahn.Session) => {
    void Promise.all([
      session.register('com.shop.quote', procs.quote as any),
      session.register('com.shop.place_order', procs.placeOrder as any),
      session.register('com.shop.order_status', procs.orderStatus as any),
      session.subscribe('com.shop.shipment_updated', procs.onShipmentUpdated as any),
    ]).then(() => console.log('procedures registered on', session.realm));
  };

  connection.onclose = (reason: string) => {
    console.warn('wamp connection closed:', reason);
    return false; // let autobahn keep retrying
  };

  connection.open();

  process.on('SIGTERM', async () => {
    connection.close();
    await Promise.allSettled([pool.end(), http.close()]);
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
