import Redis from 'ioredis';
import { artistOf, type MopidyTrack } from './types.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2');

const VENUE = process.env.VENUE ?? 'main-bar';
const KEEP = 200;

export async function recordStart(track: MopidyTrack): Promise<void> {
  const entry = JSON.stringify({
    uri: track.uri,
    title: track.name,
    artist: artistOf(track),
    startedAt: Date.now(),
  });
  await redis
    .multi()
    .lpush(`jukebox:${VENUE}:history`, entry)
    .ltrim(`jukebox:${VENUE}:history`, 0, KEEP - 1)
    .set(`jukebox:${VENUE}:now`, entry)
    .exec();
}

export async function recordEnd(): Promise<void> {
  await redis.del(`jukebox:${VENUE}:now`);
}
