import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';

interface Deps {
  pool: pg.Pool;
  s3: S3Client;
  bucket: string;
  partner: string;
  runId: string;
}

// website-scraper plugin. The scraper calls the registered actions; the plugin
// only uses the pool and S3 client it is handed by the CLI.
export class ArchivePlugin {
  private snapshotId: number | null = null;
  private directory = '';

  constructor(private readonly deps: Deps) {}

  apply(registerAction: (name: string, handler: (args: any) => unknown) => void): void {
    registerAction('beforeStart', async ({ options }) => {
      this.directory = options.directory;
      const { rows } = await this.deps.pool.query(
        "INSERT INTO site_snapshots (partner, run_id, status) VALUES ($1, $2, 'running') RETURNING id",
        [this.deps.partner, this.deps.runId],
      );
      this.snapshotId = rows[0].id;
    });

    // once per downloaded resource (html, css, images)
    registerAction('onResourceSaved', async ({ resource }) => {
      const filename: string = resource.getFilename();
      const key = `snapshots/${this.deps.partner}/${this.deps.runId}/${filename}`;
      await this.deps.s3.send(
        new PutObjectCommand({
          Bucket: this.deps.bucket,
          Key: key,
          Body: await readFile(path.join(this.directory, filename)),
        }),
      );
      await this.deps.pool.query(
        'INSERT INTO snapshot_files (snapshot_id, url, s3_key, kind) VALUES ($1, $2, $3, $4)',
        [this.snapshotId, resource.getUrl(), key, resource.getType()],
      );
    });

    registerAction('onResourceError', ({ resource, error }) => {
      console.warn(`[${this.deps.partner}] ${resource.getUrl()}: ${error.message}`);
    });

    registerAction('afterFinish', async () => {
      const client = await this.deps.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("UPDATE site_snapshots SET status = 'done', finished_at = now() WHERE id = $1", [
          this.snapshotId,
        ]);
        await client.query('UPDATE partners SET last_snapshot_id = $1 WHERE slug = $2', [
          this.snapshotId,
          this.deps.partner,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    });
  }
}
