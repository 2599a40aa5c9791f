import { Redis } from 'ioredis';
import { artistOf, type MopidyTrack } from './types.js';

const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2', {
  enableAutoPipelining: true,
});

const VENUE = process.env.VENUE ?? 'main-bar';

export async function countPlay(track: MopidyTrack, playedMs: number): Promise<void> {
  // only count a play when at least half the track (or 4 minutes) was heard
  const threshold = Math.min((track.length ?? 0) / 2, 240_000);
  if (playedMs < threshold) return;

  const day = new Date().toISOString().slice(0, 10);
  await Promise.all([
    client.zincrby(`jukebox:${VENUE}:plays:${day}`, 1, track.uri),
    client.zincrby(`jukebox:${VENUE}:artists:${day}`, 1, artistOf(track)),
    client.hset(`jukebox:track:${track.uri}`, { title: track.name, artist: artistOf(track) }),
  ]);
}

export async function topTracks(day: string, n = 10): Promise<string[]> {
  return client.zrevrange(`jukebox:${VENUE}:plays:${day}`, 0, n - 1);
}
