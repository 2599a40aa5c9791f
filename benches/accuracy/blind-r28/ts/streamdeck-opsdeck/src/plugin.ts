import streamDeck, { LogLevel } from "@elgato/streamdeck";

import { DeployAction, RollbackAction } from "./actions/deploy";
import { FlushCacheAction } from "./actions/flush-cache";
import { QueueDepthAction } from "./actions/queue-depth";
import { deployApi } from "./deploy-api";

export type GlobalSettings = {
  pgUrl?: string;
  redisUrl?: string;
  deployToken?: string;
};

streamDeck.logger.setLevel(LogLevel.INFO);

streamDeck.actions.registerAction(new QueueDepthAction());
streamDeck.actions.registerAction(new FlushCacheAction());
streamDeck.actions.registerAction(new DeployAction());
streamDeck.actions.registerAction(new RollbackAction());

streamDeck.settings.onDidReceiveGlobalSettings<GlobalSettings>((ev) => {
  streamDeck.logger.info(`global settings updated (pg: ${Boolean(ev.settings.pgUrl)}, redis: ${Boolean(ev.settings.redisUrl)})`);
});

streamDeck.system.onSystemDidWakeUp(() => {
  streamDeck.logger.info("system woke up; keys will refresh on their next tick");
});

process.on("beforeExit", () => {
  void deployApi.close();
});

streamDeck.connect();
