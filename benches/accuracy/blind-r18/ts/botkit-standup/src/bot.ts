import { Botkit } from "botkit";
import { SlackAdapter, SlackEventMiddleware, SlackMessageTypeMiddleware } from "botbuilder-adapter-slack";
import { mongo } from "./lib/mongo";
import { registerStandup } from "./features/standup";
import { registerKudos } from "./features/kudos";
import { registerTranslate } from "./features/translate";

const adapter = new SlackAdapter({
  clientSigningSecret: process.env.SLACK_SIGNING_SECRET!,
  botToken: process.env.SLACK_BOT_TOKEN!,
});
adapter.use(new SlackEventMiddleware());
adapter.use(new SlackMessageTypeMiddleware());

const controller = new Botkit({
  webhook_uri: "/api/messages",
  adapter,
});

controller.ready(async () => {
  await mongo.connect();
  registerStandup(controller);
  registerKudos(controller);
  registerTranslate(controller);
  console.log(`standup-bot listening on ${controller.getConfig("webhook_uri")}`);
});

process.once("SIGTERM", async () => {
  await controller.shutdown();
  await mongo.close();
  process.exit(0);
});
