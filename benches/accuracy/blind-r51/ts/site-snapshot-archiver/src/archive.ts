#!/usr/bin/env node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import scrape from 'website-scraper';

import { ArchivePlugin } from './archive-plugin.js';

interface Site {
  partner: string;
  url: string;
}

async function main(sitesFile: string) {
  const sites: Site[] = JSON.parse(await readFile(sitesFile, 'utf8'));
  const runId = new Date().toISOString().slice(0, 10);

  // built once for this invocation (run nightly by a Kubernetes CronJob), closed below
  const pool = new pg.Pool({ connectionString: process.env.ARCHIVE_DB_URL, max: 4 });
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  const bucket = process.env.ARCHIVE_BUCKET as string;

  let failures = 0;
  try {
    for (const site of sites) {
      const workDir = await mkdtemp(path.join(tmpdir(), `snap-${site.partner}-`));
      const directory = path.join(workDir, 'site');
      try {
        await scrape({
          urls: [site.url],
          directory,
          recursive: true,
          maxRecursiveDepth: 1,
          urlFilter: (url: string) => new URL(url).hostname === new URL(site.url).hostname,
          plugins: [new ArchivePlugin({ pool, s3, bucket, partner: site.partner, runId })],
        });
        console.log(`archived ${site.partner}`);
      } catch (err) {
        failures++;
        console.error(`snapshot of ${site.partner} failed`, err);
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    }
  } finally {
    await pool.end();
    s3.destroy();
  }
  process.exitCode = failures ? 1 : 0;
}

await main(process.argv[2] ?? 'sites.json');
