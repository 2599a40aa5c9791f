'use strict';

const http = require('node:http');
const Gun = require('gun');
const { onOrder } = require('./handlers');
const orders = require('./store/orders');
const audit = require('./store/audit');

const port = Number(process.env.PORT || 8765);

const server = http.createServer(Gun.serve(__dirname));
server.listen(port, () => console.log(`GUN relay peer on :${port}/gun`));

const gun = Gun({
  web: server,
  file: process.env.GUN_DATA_DIR || 'radata',
  peers: (process.env.GUN_PEERS || '').split(',').filter(Boolean),
});

gun
  .get('pos')
  .get('orders')
  .map()
  .on((order, id) => {
    onOrder(order, id).catch((err) => console.error('mirror failed for', id, err));
  });

async function shutdown() {
  server.close();
  await Promise.allSettled([orders.close(), audit.close()]);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
