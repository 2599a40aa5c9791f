import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Bree from 'bree';
import Graceful from '@ladjs/graceful';

const __dirname = path.dirname(fileURLToPath(import.meta.url));

const bree = new Bree({
  root: path.join(__dirname, 'jobs'),
  defaultExtension: 'js',
  jobs: [
    { name: 'rollup-metrics', interval: '1m' },
    { name: 'expire-sessions', interval: '5m' },
    { name: 'heartbeat', interval: '30s' },
  ],
  workerMessageHandler: ({ name, message }) => {
    if (message !== 'done') console.log(`[bree:${name}]`, message);
  },
  errorHandler: (error, workerMetadata) => {
    console.error(`[bree] job ${workerMetadata.name} failed`, error);
  },
});

const graceful = new Graceful({ brees: [bree] });
graceful.listen();

await bree.start();
console.log('housekeeping scheduler started');
