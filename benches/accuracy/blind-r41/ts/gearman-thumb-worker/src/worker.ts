import gearmanode, { Job } from 'gearmanode';
import { renderThumbnails, ThumbnailPayload } from './jobs/thumbnail';
import { purgeAsset, PurgePayload } from './jobs/purge';
import { pool } from './clients';

const servers = (process.env.GEARMAN_SERVERS ?? 'gearmand:4730').split(',').map((s) => {
  const [host, port] = s.split(':');
  return { host, port: Number(port ?? 4730) };
});

const worker = gearmanode.worker({ servers });

function register<T>(name: string, handler: (payload: T) => Promise<unknown>): void {
  worker.addFunction(name, (job: Job) => {
    let payload: T;
    try {
      payload = JSON.parse(job.payload.toString('utf8')) as T;
    } catch {
      job.reportException('invalid JSON payload');
      return;
    }
    handler(payload)
      .then((result) => job.workComplete(JSON.stringify(result ?? null)))
      .catch((err: Error) => {
        console.error(`[${name}] job ${job.handle} failed`, err);
        job.reportException(err.message);
      });
  });
}

register<ThumbnailPayload>('cms.thumbnail', renderThumbnails);
register<PurgePayload>('cms.purge_asset', purgeAsset);

worker.on('error', (err: Error) => console.error('gearman worker error', err));

async function shutdown(signal: string): Promise<void> {
  console.info(`${signal} received, draining`);
  worker.resetAbilities();
  worker.close();
  await pool.end();
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
console.info('gearman worker registered', servers);
