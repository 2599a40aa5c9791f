import { LiveChat } from 'youtube-chat';
import type { ChatItem, MessageItem } from 'youtube-chat/dist/types/data.js';

import { allowCommand } from './cooldown.js';
import { recordSuperchat, closeSuperchats } from './superchats.js';
import { startOverlayServer, broadcast } from './overlay.js';

const channelId = process.env.YT_CHANNEL_ID;
if (!channelId) {
  throw new Error('YT_CHANNEL_ID is required');
}

const liveChat = new LiveChat({ channelId }, 1500);
const overlay = startOverlayServer(Number(process.env.OVERLAY_PORT ?? 4700));

function plainText(items: MessageItem[]): string {
  return items.map((m) => ('text' in m ? m.text : m.emojiText ?? m.alt ?? '')).join('');
}

async function onChat(item: ChatItem): Promise<void> {
  const text = plainText(item.message);

  if (item.superchat) {
    const total = await recordSuperchat(item.author.channelId, item.author.name, item.superchat.amount, text);
    broadcast('superchat', { name: item.author.name, amount: item.superchat.amount, total, text });
    return;
  }

  if (item.isMembership) {
    broadcast('member', { name: item.author.name });
    return;
  }

  if (text.startsWith('!so ') && (item.isModerator || item.isOwner)) {
    if (await allowCommand('shoutout', item.author.channelId, 30)) {
      broadcast('shoutout', { name: text.slice(4).trim() });
    }
    return;
  }

  if (text === '!hype' && (await allowCommand('hype', item.author.channelId, 120))) {
    broadcast('hype', { name: item.author.name });
  }
}

liveChat.on('start', (liveId) => console.log(`connected to live ${liveId}`));
liveChat.on('chat', (item) => {
  onChat(item).catch((err) => console.error('chat handler failed', err));
});
liveChat.on('error', (err) => console.error('live chat error', err));
liveChat.on('end', (reason) => {
  console.log(`stream ended: ${reason ?? 'unknown'}`);
  void shutdown();
});

async function shutdown(): Promise<void> {
  liveChat.stop();
  overlay.close();
  await closeSuperchats();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());

const ok = await liveChat.start();
if (!ok) {
  console.error('channel is not live');
  process.exit(2);
}
