import { VK, MessageContext } from 'vk-io';
import { HearManager } from '@vk-io/hear';
import { rateLimit } from './middleware/rateLimit';
import { recordListen, driver } from './graph';
import { recommendFor } from './recommend';

const vk = new VK({
  token: process.env.VK_GROUP_TOKEN!,
  pollingGroupId: Number(process.env.VK_GROUP_ID),
  apiLimit: 20,
});

const hearManager = new HearManager<MessageContext>();

vk.updates.on('message_new', async (context, next) => {
  if (context.isOutbox || context.isGroup) {
    return;
  }
  await next();
});
vk.updates.on('message_new', rateLimit);
vk.updates.on('message_new', hearManager.middleware);

hearManager.hear(/^\/listen (.+) - (.+)$/i, async (context) => {
  const [, artist, title] = context.$match;
  await recordListen(context.senderId, artist.trim(), title.trim());
  await context.send(`Записал: ${artist} — ${title}`);
});

hearManager.hear(/^\/recs$/i, async (context) => {
  const tracks = await recommendFor(context.senderId, 10);
  if (tracks.length === 0) {
    await context.send('Пока мало данных. Отметьте пару треков через /listen.');
    return;
  }
  const lines = tracks.map((t, i) => `${i + 1}. ${t.artist} — ${t.title} (${t.score})`);
  await context.send(lines.join('\n'));
});

hearManager.onFallback(async (context) => {
  await context.send('Команды: /listen Артист - Трек, /recs');
});

vk.updates.on('group_join', async (context) => {
  await vk.api.messages.send({
    peer_id: context.userId,
    random_id: Date.now(),
    message: 'Спасибо за подписку! Напишите /recs, чтобы получить подборку.',
  });
});

async function main(): Promise<void> {
  await driver.verifyConnectivity();
  await vk.updates.start();
  console.log('vk bot polling started');
}

const shutdown = async (): Promise<void> => {
  await vk.updates.stop();
  await driver.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
