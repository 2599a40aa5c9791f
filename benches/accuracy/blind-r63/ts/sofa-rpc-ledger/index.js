'use strict';

const { RpcServer } = require('sofa-rpc-node').server;
const { ZookeeperRegistry } = require('sofa-rpc-node').registry;
const ledger = require('./services/ledger');
const { pool } = require('./lib/db');

const logger = console;

async function main() {
  const registry = new ZookeeperRegistry({
    logger,
    address: process.env.ZK_ADDRESS || '127.0.0.1:2181',
  });

  const server = new RpcServer({
    logger,
    registry,
    port: Number(process.env.RPC_PORT || 12200),
  });

  server.addService(
    { interfaceName: 'com.acme.ledger.LedgerFacade', version: '1.0', group: 'SOFA' },
    ledger
  );

  await server.start();
  await server.publish();
  logger.info('ledger rpc published');

  const shutdown = async () => {
    await server.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  logger.error(err);
  process.exit(1);
});
