import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createPool } from './db';
import type { ChildMessage, ParentMessage, RenderJob } from './protocol';

const pool = createPool('supervisor');
const RENDERERS = Math.max(1, availableParallelism() - 1);
const idle: ChildProcess[] = [];
let stopping = false;

function startRenderer(slot: number) {
  const child = fork(join(__dirname, 'renderer.js'), [], { serialization: 'advanced' });
  child.on('message', async (msg: ChildMessage) => {
    if (msg.type === 'done') {
      await pool.query("UPDATE render_jobs SET status = 'done', finished_at = now() WHERE id = $1", [msg.jobId]);
    } else if (msg.type === 'failed') {
      await pool.query("UPDATE render_jobs SET status = 'failed', error = $2 WHERE id = $1", [msg.jobId, msg.error]);
    }
    idle.push(child);
  });
  child.on('exit', (code) => {
    const at = idle.indexOf(child);
    if (at >= 0) idle.splice(at, 1);
    if (!stopping) {
      console.warn(`renderer ${slot} exited with ${code}, restarting`);
      startRenderer(slot);
    }
  });
}

async function claimJob(): Promise<RenderJob | undefined> {
  const { rows } = await pool.query<RenderJob>(
    `UPDATE render_jobs SET status = 'rendering', started_at = now()
      WHERE id = (SELECT id FROM render_jobs WHERE status = 'queued'
                   ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, bucket, source_key AS "sourceKey", widths`,
  );
  return rows[0];
}

async function main() {
  for (let slot = 0; slot < RENDERERS; slot++) startRenderer(slot);

  process.on('SIGTERM', () => {
    stopping = true;
  });

  while (!stopping) {
    const child = idle.shift();
    if (!child) {
      await sleep(200);
      continue;
    }
    const job = await claimJob();
    if (!job) {
      idle.push(child);
      await sleep(1_000);
      continue;
    }
    const message: ParentMessage = { type: 'render', job };
    child.send(message);
  }

  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
