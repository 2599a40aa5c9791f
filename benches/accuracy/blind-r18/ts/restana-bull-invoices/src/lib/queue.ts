import Queue from 'bull';

export interface RenderJob {
  invoiceId: number;
}

/** Producer (web) and consumer (worker) each build one instance at start-up. */
export function createRenderQueue(): Queue.Queue<RenderJob> {
  return new Queue<RenderJob>('invoice-render', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: 1_000,
    },
  });
}
