import cluster from 'node:cluster';
import os from 'node:os';

const WORKERS = Math.min(Number(process.env.WORKERS ?? os.availableParallelism()), 4);

if (cluster.isPrimary) {
  console.log(`primary ${process.pid} forking ${WORKERS} workers`);
  for (let i = 0; i < WORKERS; i++) cluster.fork();

  cluster.on('exit', (worker, code, signal) => {
    if (signal === 'SIGTERM' || code === 0) return;
    console.warn(`worker ${worker.process.pid} died (${signal ?? code}), forking a replacement`);
    cluster.fork();
  });

  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
} else {
  const { startWorker } = await import('./worker.js');
  await startWorker();
}
