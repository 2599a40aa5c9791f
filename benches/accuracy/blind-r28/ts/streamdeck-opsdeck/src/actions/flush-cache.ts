import streamDeck, { action, KeyDownEvent, SingletonAction, WillAppearEvent } from "@elgato/streamdeck";
import Redis from "ioredis";

import type { GlobalSettings } from "../plugin";

type FlushSettings = {
  pattern?: string;
  label?: string;
};

@action({ UUID: "com.acme.opsdeck.flush-cache" })
export class FlushCacheAction extends SingletonAction<FlushSettings> {
  override onWillAppear(ev: WillAppearEvent<FlushSettings>): Promise<void> | void {
    return ev.action.setTitle(ev.payload.settings.label ?? "Flush");
  }

  override async onKeyDown(ev: KeyDownEvent<FlushSettings>): Promise<void> {
    const { redisUrl } = await streamDeck.settings.getGlobalSettings<GlobalSettings>();
    const pattern = ev.payload.settings.pattern;
    if (!redisUrl || !pattern || pattern === "*") {
      await ev.action.showAlert();
      return;
    }

    const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000 });
    await redis.connect();

    let cursor = "0";
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) {
        removed += await redis.unlink(...keys);
      }
    } while (cursor !== "0");

    streamDeck.logger.info(`flushed ${removed} keys matching ${pattern}`);
    await ev.action.setTitle(`${ev.payload.settings.label ?? "Flush"}\n${removed}`);
    await ev.action.showOk();
  }
}
