import mongoose from 'mongoose';
import qrcode from 'qrcode-terminal';
import wweb from 'whatsapp-web.js';
import { MessageRouter } from './router.js';

const { Client, LocalAuth } = wweb;

async function main() {
  await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost:27017/clinic', {
    maxPoolSize: 10,
    serverSelectionTimeoutMS: 10_000,
  });

  const router = new MessageRouter();
  const client = new Client({
    authStrategy: new LocalAuth({ clientId: 'clinic-frontdesk' }),
    puppeteer: { headless: true, args: ['--no-sandbox'] },
  });

  client.on('qr', (qr) => qrcode.generate(qr, { small: true }));
  client.on('ready', () => console.log('WhatsApp client ready'));
  client.on('message', (msg) => {
    router.handle(msg).catch((err) => console.error('failed to handle message', msg.id._serialized, err));
  });
  client.on('disconnected', async (reason) => {
    console.warn('disconnected:', reason);
    await mongoose.disconnect();
    process.exit(1);
  });

  await client.initialize();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
