import type { ApiClient } from "@twurple/api";
import type { ChatClient, ChatMessage } from "@twurple/chat";
import { createClient } from "redis";

const COOLDOWN_SECONDS = 120;

export async function shoutoutCommand(
  api: ApiClient,
  chat: ChatClient,
  channel: string,
  args: string[],
  msg: ChatMessage,
) {
  if (!msg.userInfo.isMod && !msg.userInfo.isBroadcaster) return;
  const target = args[0]?.replace(/^@/, "").toLowerCase();
  if (!target) return;

  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  const fresh = await redis.set(`so:${channel}:${target}`, "1", { NX: true, EX: COOLDOWN_SECONDS });
  await redis.quit();
  if (fresh === null) return;

  const user = await api.users.getUserByName(target);
  if (!user) {
    await chat.say(channel, `I couldn't find ${target}`, { replyTo: msg });
    return;
  }
  const info = await api.channels.getChannelInfoById(user.id);
  await chat.say(
    channel,
    `Go follow ${user.displayName}! They were last playing ${info?.gameName ?? "something cool"} → https://twitch.tv/${user.name}`,
  );
}
