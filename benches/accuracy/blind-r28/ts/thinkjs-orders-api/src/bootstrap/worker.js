// Loaded once in every worker process before the HTTP server starts.
const { waitForDatabase, closePool } = require('../lib/db');
const { closeTenantClients } = require('../lib/tenant-redis');

think.beforeStartServer(async () => {
  await waitForDatabase({ attempts: 15, delayMs: 2000 });
});

think.app.on('appReady', () => {
  think.logger.info(`worker ${process.pid} ready`);
});

let shuttingDown = false;

async function shutdown(signal) {
  if (shuttingDown) {
    return;
  }
  shuttingDown = true;
  think.logger.info(`worker ${process.pid} received ${signal}, closing pools`);
  try {
    await Promise.all([closePool(), closeTenantClients()]);
  } catch (err) {
    think.logger.error(`shutdown: ${err.message}`);
  } finally {
    process.exit(0);
  }
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
