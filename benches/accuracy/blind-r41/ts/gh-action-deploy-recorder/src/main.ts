import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The release DB sits behind a bastion that sometimes needs a few seconds
// to accept connections from fresh runners: retry, then give up.
async function connectWithRetry(connectionString: string, attempts = 5): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'gh-action' });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      core.warning(`database not reachable (attempt ${attempt}/${attempts}): ${(err as Error).message}`);
      await sleep(3_000 * attempt);
    }
  }
}

export async function run(): Promise<void> {
  const environment = core.getInput('environment', { required: true });
  const service = core.getInput('service', { required: true });
  const manifestPath = core.getInput('manifest-path');
  const databaseUrl = core.getInput('database-url', { required: true });
  const bucket = core.getInput('manifest-bucket', { required: true });
  core.setSecret(databaseUrl);

  const { sha, ref, runId, actor } = github.context;
  const { owner, repo } = github.context.repo;
  const manifest = await readFile(manifestPath, 'utf8');

  const db = await connectWithRetry(databaseUrl);
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' });
  try {
    const manifestKey = `${service}/${environment}/${sha}.json`;
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: manifestKey, Body: manifest, ContentType: 'application/json' }),
    );

    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO deployments (service, environment, git_sha, git_ref, repository, workflow_run_id, actor, manifest_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [service, environment, sha, ref, `${owner}/${repo}`, runId, actor, manifestKey],
    );
    await db.query(
      `UPDATE services SET current_sha = $3, deployed_at = now() WHERE name = $1 AND environment = $2`,
      [service, environment, sha],
    );
    await db.query('COMMIT');

    core.setOutput('deployment-id', rows[0].id);
    core.info(`recorded deployment ${rows[0].id} of ${service}@${sha.slice(0, 7)} to ${environment}`);
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
    s3.destroy();
  }
}

run().catch((err: Error) => core.setFailed(err.message));
