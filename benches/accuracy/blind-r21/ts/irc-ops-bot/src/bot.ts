import { Client } from "irc-framework";
import { createDb, createDeployApi, createPagerDuty } from "./clients";
import { type IrcMessageEvent, makeCommands, maybeKarma } from "./commands";

const CHANNELS = (process.env.IRC_CHANNELS ?? "#ops,#deploys").split(",");

function main() {
  const db = createDb();
  const commands = makeCommands({ db, pagerduty: createPagerDuty(), deploys: createDeployApi() });

  const bot = new Client();
  bot.connect({
    host: process.env.IRC_HOST ?? "irc.libera.chat",
    port: 6697,
    tls: true,
    nick: process.env.IRC_NICK ?? "opsbot",
    account: { account: process.env.IRC_NICK ?? "opsbot", password: process.env.IRC_PASSWORD ?? "" },
    auto_reconnect: true,
    auto_reconnect_max_retries: 30,
  });

  bot.on("registered", () => {
    for (const channel of CHANNELS) bot.join(channel);
    console.log("registered, joined", CHANNELS.join(" "));
  });

  bot.on("message", async (event: IrcMessageEvent) => {
    if (!event.target.startsWith("#")) return;
    try {
      if (await maybeKarma(db, event)) return;
      if (!event.message.startsWith("!")) return;
      const [name, ...args] = event.message.slice(1).trim().split(/\s+/);
      const handler = commands[name];
      if (handler) await handler(event, args);
    } catch (err) {
      console.error("command failed", err);
      event.reply("sorry, that failed — check the logs");
    }
  });

  bot.on("close", () => console.warn("connection closed"));

  process.on("SIGTERM", async () => {
    bot.quit("deploying, brb");
    await db.destroy();
    process.exit(0);
  });
}

main();
