const path = require('path');
const os = require('os');
const Application = require('thinkjs');

// Cluster mode: ThinkJS forks `workers` child processes from the master. Every worker is a
// separate OS process and loads src/bootstrap/worker.js (and therefore its own pools) once.
const workers = Number(process.env.THINK_WORKERS) || Math.min(os.cpus().length, 4);

const instance = new Application({
  ROOT_PATH: __dirname,
  APP_PATH: path.join(__dirname, 'src'),
  RUNTIME_PATH: path.join(__dirname, 'runtime'),
  proxy: true,
  env: 'production',
  port: Number(process.env.PORT) || 8360,
  workers,
  processKillTimeout: 15 * 1000,
});

process.on('unhandledRejection', (reason) => {
  // think.logger is only available once the app has booted
  const logger = global.think && think.logger ? think.logger : console;
  logger.error(`unhandled rejection: ${reason && reason.stack ? reason.stack : reason}`);
});

process.on('warning', (warning) => {
  if (warning.name === 'MaxListenersExceededWarning') {
    console.warn(warning.message);
  }
});

instance.run();
