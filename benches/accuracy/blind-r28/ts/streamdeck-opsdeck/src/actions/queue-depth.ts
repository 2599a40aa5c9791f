import streamDeck, { action, SingletonAction, WillAppearEvent, WillDisappearEvent } from "@elgato/streamdeck";
import { Client } from "pg";

import type { GlobalSettings } from "../plugin";

type QueueSettings = {
  queue?: string;
  warnAt?: number;
};

type KeyAction = WillAppearEvent<QueueSettings>["action"];

const REFRESH_MS = 5_000;

@action({ UUID: "com.acme.opsdeck.queue-depth" })
export class QueueDepthAction extends SingletonAction<QueueSettings> {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  override onWillAppear(ev: WillAppearEvent<QueueSettings>): void {
    const settings = ev.payload.settings;
    const tick = (): void => {
      this.refresh(ev.action, settings).catch((err) => {
        streamDeck.logger.warn(`queue ${settings.queue}: ${err}`);
        void ev.action.setTitle(`${settings.queue ?? "?"}\nerr`);
      });
    };
    this.timers.set(ev.action.id, setInterval(tick, REFRESH_MS));
    tick();
  }

  override onWillDisappear(ev: WillDisappearEvent<QueueSettings>): void {
    clearInterval(this.timers.get(ev.action.id));
    this.timers.delete(ev.action.id);
  }

  private async refresh(key: KeyAction, settings: QueueSettings): Promise<void> {
    const { pgUrl } = await streamDeck.settings.getGlobalSettings<GlobalSettings>();
    if (!pgUrl || !settings.queue) {
      await key.setTitle("setup");
      return;
    }
    const client = new Client({ connectionString: pgUrl, statement_timeout: 3_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE queue = $1 AND state = 'pending'",
        [settings.queue],
      );
      const depth = rows[0]?.n ?? 0;
      await key.setTitle(`${settings.queue}\n${depth}`);
      if (settings.warnAt && depth >= settings.warnAt) {
        await key.setState(1);
      } else {
        await key.setState(0);
      }
    } finally {
      await client.end();
    }
  }
}
