const Seneca = require('seneca');

const seneca = Seneca({ log: 'info', timeout: 10000 })
  .use(require('./plugins/inventory'), {
    dbUrl: process.env.INVENTORY_DB_URL,
    poolSize: Number(process.env.INVENTORY_POOL_SIZE || 10),
  })
  .use(require('./plugins/notify'))
  .listen({ type: 'http', port: Number(process.env.PORT || 10201), pin: 'role:inventory' });

seneca.ready(() => seneca.log.info('inventory service ready'));

process.on('SIGTERM', () => seneca.close(() => process.exit(0)));
