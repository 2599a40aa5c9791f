import { ApiClient } from "@twurple/api";
import { RefreshingAuthProvider } from "@twurple/auth";
import { ChatClient } from "@twurple/chat";
import { promises as fs } from "node:fs";
import { db } from "./db.js";
import { awardChatPoints, pointsCommand } from "./handlers/points.js";
import { shoutoutCommand } from "./handlers/shoutout.js";
import { onSubscription } from "./handlers/subs.js";

const clientId = process.env.TWITCH_CLIENT_ID!;
const clientSecret = process.env.TWITCH_CLIENT_SECRET!;
const botUserId = process.env.TWITCH_BOT_USER_ID!;
const channels = (process.env.TWITCH_CHANNELS ?? "").split(",").filter(Boolean);

const tokenData = JSON.parse(await fs.readFile(`./tokens.${botUserId}.json`, "utf-8"));
const authProvider = new RefreshingAuthProvider({ clientId, clientSecret });
authProvider.onRefresh(async (userId, newTokenData) => {
  await fs.writeFile(`./tokens.${userId}.json`, JSON.stringify(newTokenData, null, 2), "utf-8");
});
await authProvider.addUserForToken(tokenData, ["chat"]);

const api = new ApiClient({ authProvider });
const chat = new ChatClient({ authProvider, channels });

chat.onMessage(async (channel, user, text, msg) => {
  try {
    await awardChatPoints(channel, user, msg);
    if (!text.startsWith("!")) return;
    const [cmd, ...args] = text.slice(1).trim().split(/\s+/);
    switch (cmd.toLowerCase()) {
      case "points":
        await pointsCommand(chat, channel, user, msg);
        break;
      case "so":
        await shoutoutCommand(api, chat, channel, args, msg);
        break;
    }
  } catch (err) {
    console.error(`[${channel}] handler failed`, err);
  }
});

chat.onSub((channel, user, sub, notice) => {
  onSubscription(chat, channel, user, sub, notice).catch((err) => console.error("sub handler", err));
});
chat.onResub((channel, user, sub, notice) => {
  onSubscription(chat, channel, user, sub, notice).catch((err) => console.error("resub handler", err));
});

chat.onAuthenticationFailure((text) => console.error("auth failure:", text));

process.on("SIGTERM", async () => {
  chat.quit();
  await db.end();
  process.exit(0);
});

chat.connect();
