import { Redis } from 'ioredis';

const STREAM = process.env.CALL_EVENTS_STREAM ?? 'calls:events';

export interface DataEvent {
  room: string;
  participant: string | undefined;
  topic: string | undefined;
  body: unknown;
}

// Forwards data-channel packets (DTMF, UI button presses, etc.) to the
// supervisor dashboard, which tails the Redis stream.
export async function publishDataEvent(event: DataEvent): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {
    maxRetriesPerRequest: 2,
  });
  await redis.xadd(
    STREAM,
    'MAXLEN',
    '~',
    '100000',
    '*',
    'room',
    event.room,
    'participant',
    event.participant ?? '',
    'topic',
    event.topic ?? '',
    'body',
    JSON.stringify(event.body),
  );
}
