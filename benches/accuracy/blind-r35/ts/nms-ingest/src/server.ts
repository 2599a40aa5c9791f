import NodeMediaServer from 'node-media-server';
import { isStreamKeyValid, markLive, finishSession } from './streams.js';

const nms = new NodeMediaServer({
  rtmp: { port: 1935, chunk_size: 60000, gop_cache: true, ping: 30, ping_timeout: 60 },
  http: { port: 8000, mediaroot: process.env.MEDIA_ROOT ?? './media', allow_origin: '*' },
  trans: {
    ffmpeg: process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg',
    tasks: [{ app: 'live', mp4: true, mp4Flags: '[movflags=frag_keyframe+empty_moov]' }],
  },
});

nms.on('prePublish', (id, streamPath, args) => {
  const session = nms.getSession(id);
  isStreamKeyValid(streamPath, args.key)
    .then((ok) => {
      if (!ok) {
        console.warn(`[ingest] rejecting ${streamPath}: bad key`);
        session.reject();
      }
    })
    .catch((err) => {
      console.error('[ingest] key check failed', err);
      session.reject();
    });
});

nms.on('postPublish', (id, streamPath) => {
  markLive(streamPath, id).catch((err) => console.error('[ingest] markLive', err));
});

nms.on('donePublish', (id, streamPath) => {
  finishSession(streamPath, id).catch((err) => console.error('[ingest] finish', err));
});

nms.run();
