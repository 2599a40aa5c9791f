import { Listr } from 'listr2';
import pg from 'pg';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

import { exportLocale } from './export.js';

export interface ReleaseContext {
  releaseId: string;
  bucket: string;
  region: string;
  onlyLocales: string[];
  dryRun: boolean;
  locales: string[];
  uploaded: string[];
  db?: pg.Client;
  s3?: S3Client;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The database sometimes restarts during the nightly maintenance window; retry
// the initial connect a few times and give up after that.
async function connectWithRetry(attempts = 5): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({
      connectionString: process.env.CATALOG_DB_URL,
      application_name: 'catalog-release',
      connectionTimeoutMillis: 5_000,
    });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      await sleep(attempt * 1_000);
    }
  }
}

export function buildTasks(): Listr<ReleaseContext> {
  return new Listr<ReleaseContext>(
    [
      {
        title: 'Connect to catalogue database',
        task: async (ctx, task) => {
          ctx.db = await connectWithRetry();
          task.title = 'Connected to catalogue database';
        },
      },
      {
        title: 'Prepare S3 client',
        skip: (ctx) => ctx.dryRun && 'dry run, nothing will be uploaded',
        task: (ctx) => {
          ctx.s3 = new S3Client({ region: ctx.region, maxAttempts: 5 });
        },
      },
      {
        title: 'Resolve locales',
        task: async (ctx, task) => {
          const { rows } = await ctx.db!.query<{ code: string }>(
            'SELECT code FROM locales WHERE published ORDER BY code',
          );
          const all = rows.map((r) => r.code);
          ctx.locales = ctx.onlyLocales.length ? all.filter((c) => ctx.onlyLocales.includes(c)) : all;
          task.title = `Resolved ${ctx.locales.length} locales`;
        },
      },
      {
        title: 'Export locales',
        task: (ctx, task) =>
          task.newListr(
            ctx.locales.map((locale) => ({
              title: locale,
              task: async (sub, subTask) => {
                const { key, body, products } = await exportLocale(sub.db!, sub.releaseId, locale);
                if (sub.s3) {
                  await sub.s3.send(
                    new PutObjectCommand({
                      Bucket: sub.bucket,
                      Key: key,
                      Body: body,
                      ContentType: 'application/json',
                      CacheControl: 'public, max-age=300',
                    }),
                  );
                  sub.uploaded.push(key);
                }
                subTask.title = `${locale}: ${products} products`;
              },
            })),
            { concurrent: 3, exitOnError: true },
          ),
      },
      {
        title: 'Record release',
        skip: (ctx) => ctx.dryRun,
        task: async (ctx) => {
          await ctx.db!.query(
            'INSERT INTO catalog_releases (id, locales, files, released_at) VALUES ($1, $2, $3, now())',
            [ctx.releaseId, ctx.locales, ctx.uploaded],
          );
        },
      },
    ],
    { rendererOptions: { collapseSubtasks: false } },
  );
}
