import { TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions';
import { NewMessage } from 'telegram/events';
import input from 'input';
import { sequelize } from './db';
import { onChannelPost } from './handlers/mirror';

const apiId = Number(process.env.TG_API_ID);
const apiHash = process.env.TG_API_HASH!;
const mirroredChannels = (process.env.TG_CHANNELS ?? '').split(',').filter(Boolean);

async function main() {
  await sequelize.authenticate();
  await sequelize.sync();

  const client = new TelegramClient(new StringSession(process.env.TG_SESSION ?? ''), apiId, apiHash, {
    connectionRetries: 5,
  });
  await client.start({
    phoneNumber: async () => process.env.TG_PHONE ?? (await input.text('Phone number: ')),
    password: async () => await input.text('2FA password: '),
    phoneCode: async () => await input.text('Code you received: '),
    onError: (err) => console.error('telegram auth error', err),
  });
  if (!process.env.TG_SESSION) {
    console.log('save this session string:', client.session.save());
  }

  client.addEventHandler(
    (event) => {
      onChannelPost(event).catch((err) => console.error('mirror failed', err));
    },
    new NewMessage({ chats: mirroredChannels }),
  );
  console.log(`mirroring ${mirroredChannels.length} channels`);

  const stop = async () => {
    await client.disconnect();
    await sequelize.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
