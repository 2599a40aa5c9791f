#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';

import { buildTasks, type ReleaseContext } from './tasks.js';

const { values } = parseArgs({
  options: {
    bucket: { type: 'string', default: process.env.CATALOG_BUCKET },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-west-1' },
    locale: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
  },
});

if (!values.bucket) {
  console.error('usage: catalog-release --bucket <name> [--locale de-DE ...] [--dry-run]');
  process.exit(64);
}

const ctx: ReleaseContext = {
  releaseId: randomUUID(),
  bucket: values.bucket,
  region: values.region!,
  onlyLocales: values.locale ?? [],
  dryRun: values['dry-run']!,
  locales: [],
  uploaded: [],
};

// One release per invocation: the task list opens the database connection and
// the S3 client once, and both are released here whatever happens.
try {
  await buildTasks().run(ctx);
  console.log(`release ${ctx.releaseId}: ${ctx.uploaded.length} files`);
} catch (err) {
  console.error(`release ${ctx.releaseId} failed:`, (err as Error).message);
  process.exitCode = 1;
} finally {
  await ctx.db?.end();
  ctx.s3?.destroy();
}
