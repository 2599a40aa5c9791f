import streamDeck, { action, SingletonAction, WillAppearEvent, WillDisappearEvent } from '@elgato/streamdeck';
import { Pool } from 'undici';

type QueueSettings = { statusOrigin?: string; queue?: string };

@action({ UUID: 'com.acme.opsdeck.queue-depth' })
export class QueueDepth extends SingletonAction<QueueSettings> {
  private timers = new Map<string, NodeJS.Timeout>();

  override async onWillAppear(ev: WillAppearEvent<QueueSettings>): Promise<void> {
    const { statusOrigin = 'https://status.internal.acme.example', queue = 'orders' } = ev.payload.settings;

    const tick = async () => {
      const api = new Pool(statusOrigin, { connections: 2, keepAliveTimeout: 30_000 });
      try {
        const { statusCode, body } = await api.request({ path: `/v1/queues/${queue}`, method: 'GET' });
        const data = (await body.json()) as { depth: number };
        await ev.action.setTitle(statusCode === 200 ? `${queue}\n${data.depth}` : `${queue}\n?`);
      } catch (err) {
        streamDeck.logger.warn(`queue poll failed for ${queue}`, err);
      }
    };

    await tick();
    this.timers.set(ev.action.id, setInterval(tick, 15_000));
  }

  override onWillDisappear(ev: WillDisappearEvent<QueueSettings>): void {
    clearInterval(this.timers.get(ev.action.id));
    this.timers.delete(ev.action.id);
  }
}
