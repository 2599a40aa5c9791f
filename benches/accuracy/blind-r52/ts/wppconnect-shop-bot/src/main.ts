import * as wppconnect from '@wppconnect-team/wppconnect';
import type { Message, Whatsapp } from '@wppconnect-team/wppconnect';

import { handleOrderStatus } from './handlers/orders';
import { listCatalogue, pool } from './db';
import { dailySalesSummary, closeReports } from './reports';

const OWNER_CHAT = process.env.OWNER_CHAT_ID ?? '';
const PREFIX = '!';

async function onMessage(client: Whatsapp, message: Message): Promise<void> {
  if (message.isGroupMsg || message.type !== 'chat' || !message.body?.startsWith(PREFIX)) {
    return;
  }
  const [command, ...args] = message.body.slice(PREFIX.length).trim().split(/\s+/);

  switch (command.toLowerCase()) {
    case 'pedido':
    case 'order':
      await handleOrderStatus(client, message, args[0]);
      break;
    case 'catalogo':
    case 'catalog': {
      const items = await listCatalogue(args.join(' '));
      const text = items.length
        ? items.map((i) => `• ${i.name} — R$ ${i.price.toFixed(2)}`).join('\n')
        : 'Nenhum produto encontrado.';
      await client.sendText(message.from, text);
      break;
    }
    default:
      await client.sendText(message.from, 'Comandos: !pedido <número>, !catalogo <busca>');
  }
}

function scheduleDailySummary(client: Whatsapp): NodeJS.Timeout {
  return setInterval(async () => {
    const now = new Date();
    if (now.getHours() !== 20 || now.getMinutes() !== 0 || !OWNER_CHAT) return;
    try {
      await client.sendText(OWNER_CHAT, await dailySalesSummary(now));
    } catch (err) {
      console.error('daily summary failed', err);
    }
  }, 60_000);
}

async function start(client: Whatsapp): Promise<void> {
  const timer = scheduleDailySummary(client);

  client.onMessage((message) => {
    onMessage(client, message).catch((err) => {
      console.error('message handling failed', err);
      void client.sendText(message.from, 'Desculpe, tivemos um problema. Tente novamente.');
    });
  });

  const shutdown = async () => {
    clearInterval(timer);
    await client.close();
    await Promise.allSettled([pool.end(), closeReports()]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

wppconnect
  .create({
    session: 'loja-bot',
    headless: true,
    autoClose: 0,
    catchQR: (_base64Qr, asciiQR) => console.log(asciiQR),
    statusFind: (status, session) => console.log(`[${session}] ${status}`),
  })
  .then(start)
  .catch((err) => {
    console.error('could not start WhatsApp session', err);
    process.exit(1);
  });
