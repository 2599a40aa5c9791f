import { WechatyBuilder, ScanStatus, log } from 'wechaty';
import qrcodeTerminal from 'qrcode-terminal';
import { onMessage } from './handlers/message.js';
import { closePool } from './db.js';

const bot = WechatyBuilder.build({
  name: 'wms-orders-bot',
  puppet: 'wechaty-puppet-wechat4u',
});

bot.on('scan', (qrcode, status) => {
  if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
    qrcodeTerminal.generate(qrcode, { small: true });
    log.info('orders-bot', 'scan the QR code to log in (status %s)', ScanStatus[status]);
  }
});

bot.on('login', (user) => log.info('orders-bot', '%s logged in', user.name()));
bot.on('logout', (user) => log.warn('orders-bot', '%s logged out', user.name()));
bot.on('error', (err) => log.error('orders-bot', 'puppet error: %s', err.message));

// Every message in every room the bot is in goes through onMessage.
bot.on('message', onMessage);

async function shutdown(signal: string): Promise<void> {
  log.info('orders-bot', 'received %s, stopping', signal);
  await bot.stop();
  await closePool();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

bot
  .start()
  .then(() => log.info('orders-bot', 'started'))
  .catch((err) => {
    log.error('orders-bot', 'failed to start: %s', err);
    process.exit(1);
  });
