import type { Job } from 'bullmq';
import { Agent, request } from 'undici';
import { markAsset } from './asset-store.js';

export interface TranscodeData {
  assetId: string;
  sourceUrl: string;
  profile: '720p' | '1080p';
}

const headers = {
  'content-type': 'application/json',
  authorization: `Bearer ${process.env.TRANSCODER_TOKEN}`,
};

export async function processTranscode(job: Job<TranscodeData>) {
  const dispatcher = new Agent({ connections: 4, keepAliveTimeout: 30_000 });

  const { statusCode, body } = await request(`${process.env.TRANSCODER_URL}/v1/jobs`, {
    method: 'POST',
    dispatcher,
    headers,
    body: JSON.stringify({ source: job.data.sourceUrl, profile: job.data.profile }),
  });
  if (statusCode >= 300) {
    throw new Error(`transcoder responded ${statusCode}: ${await body.text()}`);
  }
  const { id } = (await body.json()) as { id: string };

  let state = 'queued';
  while (state !== 'done' && state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const poll = await request(`${process.env.TRANSCODER_URL}/v1/jobs/${id}`, { dispatcher, headers });
    ({ state } = (await poll.body.json()) as { state: string });
    await job.updateProgress({ transcoderJob: id, state });
  }

  await markAsset(job.data.assetId, state === 'done' ? 'ready' : 'failed');
  return { transcoderJob: id, state };
}
