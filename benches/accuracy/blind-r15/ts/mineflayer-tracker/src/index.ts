import mineflayer from "mineflayer";
import { Tracker } from "./tracker.js";
import { redis } from "./store/redis.js";

const host = process.env.MC_HOST ?? "localhost";

const bot = mineflayer.createBot({
  host,
  port: Number(process.env.MC_PORT ?? 25565),
  username: process.env.MC_USERNAME ?? "tracker-bot",
  auth: (process.env.MC_AUTH as "microsoft" | "offline") ?? "offline",
  version: process.env.MC_VERSION,
});

const tracker = new Tracker(bot, host);
let heartbeat: NodeJS.Timeout | undefined;

bot.once("spawn", () => {
  console.log(`tracker online at ${host}`);
  heartbeat = setInterval(() => {
    tracker.heartbeat().catch((err) => console.error("heartbeat", err));
  }, 10_000);
});

bot.on("chat", (username, message) => {
  tracker.onChat(username, message).catch((err) => console.error("chat", err));
});

bot.on("playerJoined", (player) => {
  tracker.onPlayerJoined(player).catch((err) => console.error("join", err));
});

bot.on("playerLeft", (player) => {
  tracker.onPlayerLeft(player).catch((err) => console.error("leave", err));
});

bot.on("messagestr", (text, position) => {
  if (position !== "system") return;
  const m = /^(\w{3,16}) (?:was slain|fell|drowned|burned|blew up)/.exec(text);
  if (m) tracker.onDeathMessage(m[1]).catch((err) => console.error("death", err));
});

bot.on("kicked", (reason) => console.warn("kicked:", reason));
bot.on("error", (err) => console.error("bot error", err));
bot.on("end", async () => {
  if (heartbeat) clearInterval(heartbeat);
  await redis.quit();
  process.exit(1);
});
