import { insertSamples, Sample } from './db';

const FLUSH_MS = 1_000;
const MAX_BUFFER = 5_000;

let buffer: Sample[] = [];
let timer: NodeJS.Timeout | undefined;
let flushing = false;

export function record(tag: string, value: number | boolean): void {
  buffer.push({ tag, value, ts: new Date() });
  if (buffer.length >= MAX_BUFFER) {
    void flush();
  }
}

export async function flush(): Promise<void> {
  if (flushing || buffer.length === 0) return;
  flushing = true;
  const batch = buffer;
  buffer = [];
  try {
    await insertSamples(batch);
  } catch (err) {
    console.error(`[historian] flush of ${batch.length} samples failed, re-queueing`, err);
    buffer = batch.concat(buffer).slice(-MAX_BUFFER);
  } finally {
    flushing = false;
  }
}

export function startFlushing(): void {
  timer = setInterval(() => void flush(), FLUSH_MS);
}

export async function stopFlushing(): Promise<void> {
  if (timer) clearInterval(timer);
  await flush();
}
