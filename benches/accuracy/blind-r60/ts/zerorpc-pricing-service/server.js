'use strict';
const zerorpc = require('zerorpc');
const { createPool } = require('./lib/db');
const { quote, lockedQuote } = require('./lib/pricing');
const { closeAll } = require('./lib/fx');

function reply$(promise, reply) {
  promise.then(
    (result) => reply(null, result),
    (err) => reply(err.message || String(err)),
  );
}

async function main() {
  const pool = await createPool(process.env.PRICING_DATABASE_URL || 'postgres://pricing@localhost/pricing');

  // each method runs once per RPC call from the order pipeline
  const server = new zerorpc.Server({
    quote(sku, quantity, currency, reply) {
      reply$(quote(pool, sku, quantity, currency), reply);
    },
    bulk_quote(items, currency, reply) {
      reply$(lockedQuote(pool, items, currency), reply);
    },
    ping(reply) {
      reply(null, 'pong');
    },
  });

  const endpoint = process.env.PRICING_RPC_BIND || 'tcp://0.0.0.0:4242';
  server.bind(endpoint);
  server.on('error', (err) => console.error('rpc error', err));
  console.log(`pricing rpc bound to ${endpoint}`);

  const shutdown = async () => {
    server.close();
    await closeAll();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
