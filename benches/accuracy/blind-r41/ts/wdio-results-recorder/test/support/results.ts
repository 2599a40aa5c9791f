import pg from 'pg';

const QA_DATABASE_URL = process.env.QA_DATABASE_URL ?? 'postgres://qa@localhost:5432/qa';

export const RUN_ID = process.env.E2E_RUN_ID ?? `local-${process.env.USER ?? 'dev'}`;

// Used by the launcher hooks (onPrepare / onComplete): one short-lived connection
// per `wdio run` invocation, always closed.
export async function withLauncherClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: QA_DATABASE_URL, application_name: 'wdio-launcher' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Worker processes get one small pool each, created in `before` and ended in `after`.
let workerPool: pg.Pool | undefined;

export function openWorkerPool(): pg.Pool {
  workerPool ??= new pg.Pool({ connectionString: QA_DATABASE_URL, max: 2, application_name: 'wdio-worker' });
  return workerPool;
}

export function workerPoolOrThrow(): pg.Pool {
  if (!workerPool) throw new Error('worker pool not opened - was the before hook skipped?');
  return workerPool;
}

export async function closeWorkerPool(): Promise<void> {
  await workerPool?.end();
  workerPool = undefined;
}
