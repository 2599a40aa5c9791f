import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import zulipInit from 'zulip-js';
import { makeCommands, type Deps, type Reply, type ZulipMessage } from './commands.js';
import { createPool } from './db.js';

interface ZulipEvent {
  id: number;
  type: string;
  message?: ZulipMessage;
}

async function main(): Promise<void> {
  const zulip = await zulipInit({
    realm: process.env.ZULIP_REALM ?? 'https://chat.example.org',
    username: process.env.ZULIP_BOT_EMAIL ?? 'standup-bot@chat.example.org',
    apiKey: process.env.ZULIP_API_KEY ?? '',
  });

  const deps: Deps = {
    pool: await createPool(process.env.DATABASE_URL ?? 'postgres://standup@localhost:5432/standup'),
    redis: new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/3'),
    botEmail: process.env.ZULIP_BOT_EMAIL ?? 'standup-bot@chat.example.org',
  };
  const onMessage = makeCommands(deps);

  const send = async (reply: Reply) => {
    await zulip.messages.send(reply);
  };

  let running = true;
  const stop = () => {
    running = false;
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  let { queue_id: queueId, last_event_id: lastEventId } = await zulip.queues.register({ event_types: ['message'] });
  console.log(`standup bot listening on queue ${queueId}`);

  while (running) {
    const res = await zulip.events.retrieve({ queue_id: queueId, last_event_id: lastEventId });

    if (res.result !== 'success') {
      if (res.code === 'BAD_EVENT_QUEUE_ID') {
        // Queue expired after inactivity: register a new event queue.
        ({ queue_id: queueId, last_event_id: lastEventId } = await zulip.queues.register({ event_types: ['message'] }));
        continue;
      }
      console.warn('event poll failed', res.msg);
      await sleep(5_000);
      continue;
    }

    for (const event of res.events as ZulipEvent[]) {
      lastEventId = Math.max(lastEventId, event.id);
      if (event.type !== 'message' || !event.message) continue;
      try {
        const reply = await onMessage(event.message);
        if (reply) await send(reply);
      } catch (err) {
        console.error(`message ${event.message.id} failed`, err);
      }
    }
  }

  await zulip.queues.deregister({ queue_id: queueId }).catch(() => undefined);
  await Promise.allSettled([deps.pool.end(), deps.redis.quit()]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
