import { Pool } from 'undici';
import { artistOf, type MopidyTrack } from './types.js';

const LYRICS_ORIGIN = process.env.LYRICS_ORIGIN ?? 'https://lrclib.net';
const SCREEN_ORIGIN = process.env.SCREEN_ORIGIN ?? 'http://now-playing.local:8080';

export async function pushLyricsToScreen(track: MopidyTrack): Promise<void> {
  const lyrics = new Pool(LYRICS_ORIGIN, { connections: 2 });
  const qs = new URLSearchParams({
    track_name: track.name,
    artist_name: artistOf(track),
    album_name: track.album?.name ?? '',
    duration: String(Math.round((track.length ?? 0) / 1000)),
  });
  const { statusCode, body } = await lyrics.request({ method: 'GET', path: `/api/get?${qs}` });
  const data = statusCode === 200 ? ((await body.json()) as { syncedLyrics?: string; plainLyrics?: string }) : null;
  if (statusCode !== 200) await body.dump();

  await fetch(`${SCREEN_ORIGIN}/lyrics`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      uri: track.uri,
      synced: data?.syncedLyrics ?? null,
      plain: data?.plainLyrics ?? null,
    }),
  });
}
