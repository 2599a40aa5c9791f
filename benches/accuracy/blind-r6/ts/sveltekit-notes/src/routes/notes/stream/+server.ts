import Redis from 'ioredis';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

// A single subscriber connection for the process; each SSE stream attaches a listener to it.
const subscriber = new Redis(env.REDIS_URL);
const listeners = new Set<(payload: string) => void>();

subscriber.subscribe('notes:published').catch((err) => console.error('subscribe failed', err));
subscriber.on('message', (_channel, payload: string) => {
  for (const fn of listeners) fn(payload);
});

export const GET: RequestHandler = () => {
  let send: ((payload: string) => void) | undefined;

  const stream = new ReadableStream<string>({
    start(controller) {
      send = (payload) => controller.enqueue(`data: ${payload}\n\n`);
      listeners.add(send);
    },
    cancel() {
      if (send) listeners.delete(send);
    }
  });

  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }
  });
};
