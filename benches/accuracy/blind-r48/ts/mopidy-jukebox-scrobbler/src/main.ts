import Mopidy from 'mopidy';
import { recordStart, recordEnd } from './history.js';
import { countPlay } from './stats.js';
import { pushLyricsToScreen } from './lyrics.js';
import type { TlTrack } from './types.js';

const mopidy = new Mopidy({
  webSocketUrl: process.env.MOPIDY_WS ?? 'ws://jukebox.local:6680/mopidy/ws/',
  autoConnect: true,
  backoffDelayMin: 1000,
  backoffDelayMax: 30_000,
});

function logErr(what: string) {
  return (err: unknown) => console.error(`[scrobbler] ${what}:`, err);
}

mopidy.on('state:online', async () => {
  console.log('[scrobbler] connected to mopidy');
  const current = (await mopidy.playback!.getCurrentTlTrack()) as TlTrack | null;
  if (current) recordStart(current.track).catch(logErr('initial track'));
});

mopidy.on('state:offline', () => console.warn('[scrobbler] mopidy offline, waiting for reconnect'));

mopidy.on('event:trackPlaybackStarted', ({ tl_track }: { tl_track: TlTrack }) => {
  recordStart(tl_track.track).catch(logErr('history'));
  pushLyricsToScreen(tl_track.track).catch(logErr('lyrics'));
});

mopidy.on('event:trackPlaybackEnded', ({ tl_track, time_position }: { tl_track: TlTrack; time_position: number }) => {
  recordEnd().catch(logErr('history end'));
  countPlay(tl_track.track, time_position).catch(logErr('stats'));
});

process.on('SIGTERM', async () => {
  await mopidy.close();
  mopidy.off();
  process.exit(0);
});
