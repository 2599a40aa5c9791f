import { Client4, WebSocketClient } from "@mattermost/client";
import type { Post } from "@mattermost/types/posts";
import WebSocket from "ws";
import { dueChannels, getChannelSettings, setStandupHour } from "./db.js";
import { recordStandup, summary } from "./standup.js";
import { applyKarma, hasKarma } from "./karma.js";

// @mattermost/client expects a browser-style global WebSocket.
(globalThis as unknown as { WebSocket: typeof WebSocket }).WebSocket = WebSocket;

const MM_URL = process.env.MATTERMOST_URL ?? "https://chat.example.com";
const MM_TOKEN = process.env.MATTERMOST_BOT_TOKEN!;

const client = new Client4();
client.setUrl(MM_URL);
client.setToken(MM_TOKEN);

const ws = new WebSocketClient();

async function handlePost(botUserId: string, post: Post): Promise<void> {
  if (post.user_id === botUserId) return;
  const text = post.message.trim();

  if (/^!standup\b/i.test(text)) {
    await recordStandup(client, botUserId, post);
  } else if (/^!summary\b/i.test(text)) {
    await summary(client, post.channel_id);
  } else if (/^!standup-hour\s+\d{1,2}$/i.test(text)) {
    const hour = Number(text.split(/\s+/)[1]);
    await setStandupHour(post.channel_id, hour % 24);
    await client.createPost({ channel_id: post.channel_id, message: `Reminder set for ${hour}:00 UTC.` } as Post);
  } else if (hasKarma(text)) {
    await applyKarma(client, post);
  }
}

async function remindDueChannels(): Promise<void> {
  const hour = new Date().getUTCHours();
  for (const channel of await dueChannels(hour)) {
    const settings = await getChannelSettings(channel.channel_id);
    if (!settings?.enabled) continue;
    await client.createPost({ channel_id: channel.channel_id, message: settings.reminder_text } as Post);
  }
}

async function main(): Promise<void> {
  const me = await client.getMe();
  console.log(`connected to ${MM_URL} as @${me.username}`);

  ws.addMessageListener((msg) => {
    if (msg.event !== "posted") return;
    const post = JSON.parse(msg.data.post) as Post;
    handlePost(me.id, post).catch((err) => console.error("failed to handle post", post.id, err));
  });
  ws.addCloseListener((failCount) => console.warn(`websocket closed (${failCount} failures), reconnecting`));

  const wsUrl = MM_URL.replace(/^http/, "ws") + "/api/v4/websocket";
  ws.initialize(wsUrl, MM_TOKEN);

  // Top of every hour: post standup reminders.
  const msToNextHour = 3_600_000 - (Date.now() % 3_600_000);
  setTimeout(() => {
    remindDueChannels().catch(console.error);
    setInterval(() => remindDueChannels().catch(console.error), 3_600_000);
  }, msToNextHour);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
