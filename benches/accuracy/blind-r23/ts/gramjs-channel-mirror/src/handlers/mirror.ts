import { createClient } from 'redis';
import type { NewMessageEvent } from 'telegram/events';
import { Api } from 'telegram';
import { MirroredPost } from '../db';
import { bumpChannelStats } from '../stats';

function mediaKind(msg: Api.Message): string | null {
  if (!msg.media) return null;
  if (msg.media instanceof Api.MessageMediaPhoto) return 'photo';
  if (msg.media instanceof Api.MessageMediaDocument) return 'document';
  if (msg.media instanceof Api.MessageMediaWebPage) return 'webpage';
  return 'other';
}

export async function onChannelPost(event: NewMessageEvent): Promise<void> {
  const msg = event.message;
  const channelId = msg.chatId?.toString();
  if (!channelId) return;

  const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://localhost:6379' });
  await redis.connect();

  // Telegram re-delivers edits/forwards; dedupe on (channel, message) for a day.
  const fresh = await redis.set(`mirror:seen:${channelId}:${msg.id}`, '1', { NX: true, EX: 86_400 });
  if (!fresh) {
    await redis.quit();
    return;
  }

  await MirroredPost.upsert({
    channelId,
    messageId: msg.id,
    text: msg.message ?? '',
    mediaKind: mediaKind(msg),
    postedAt: new Date(msg.date * 1000),
  });
  await bumpChannelStats(channelId, (msg.message ?? '').length);

  await redis.publish('catalogue:mirror', JSON.stringify({ channelId, messageId: msg.id }));
  await redis.quit();
}
