import type TelegramBot from 'node-telegram-bot-api';
import type { Db } from 'mongodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { makeReceiptStore } from './store';

interface Deps {
  db: Db;
  s3: S3Client;
  bucket: string;
}

export function registerHandlers(bot: TelegramBot, deps: Deps) {
  const store = makeReceiptStore(deps.db);

  bot.onText(/^\/start/, async (msg) => {
    await bot.sendMessage(msg.chat.id, 'Send me a photo of a receipt, then /amount 12.50 EUR.');
  });

  bot.on('photo', async (msg) => {
    const photo = msg.photo?.at(-1);
    if (!photo || !msg.from) return;

    const key = `${msg.chat.id}/${Date.now()}-${photo.file_unique_id}.jpg`;
    const upload = new Upload({
      client: deps.s3,
      params: { Bucket: deps.bucket, Key: key, Body: bot.getFileStream(photo.file_id), ContentType: 'image/jpeg' },
    });
    await upload.done();

    await store.add({ chatId: msg.chat.id, userId: msg.from.id, s3Key: key, createdAt: new Date() });
    await bot.sendMessage(msg.chat.id, 'Saved. Reply with /amount <value> <currency>.');
  });

  bot.onText(/^\/amount\s+([\d.,]+)\s*([A-Za-z]{3})?/, async (msg, match) => {
    const last = await store.latest(msg.chat.id);
    if (!last || !match) {
      await bot.sendMessage(msg.chat.id, 'No receipt to attach that to.');
      return;
    }
    const amount = Number(match[1].replace(',', '.'));
    await store.setAmount(msg.chat.id, last.s3Key, amount, (match[2] ?? 'EUR').toUpperCase());
    await bot.sendMessage(msg.chat.id, `Recorded ${amount}.`);
  });

  bot.onText(/^\/total/, async (msg) => {
    const totals = await store.monthTotal(msg.chat.id);
    const text = totals.length
      ? totals.map((t) => `${t._id}: ${t.total.toFixed(2)}`).join('\n')
      : 'Nothing this month yet.';
    await bot.sendMessage(msg.chat.id, text);
  });

  bot.on('polling_error', (err) => console.error('polling error', err.message));
}
