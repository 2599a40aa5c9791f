import Framework from 'webex-node-bot-framework';
import { createClient, type RedisClientType } from 'redis';
import { createPool } from './db';
import { makeCommands } from './commands';

async function main() {
  const pool = await createPool();
  const redis: RedisClientType = createClient({ url: process.env.REDIS_URL });
  redis.on('error', (err) => console.error('redis', err));
  await redis.connect();

  // No webhookUrl: the framework uses its websocket (Mercury) connection.
  const framework = new Framework({ token: process.env.WEBEX_BOT_TOKEN ?? '' });

  for (const cmd of makeCommands({ pool, redis })) {
    framework.hears(cmd.phrase, (bot, trigger) =>
      cmd.handler(bot, trigger).catch(async (err) => {
        console.error('command failed', err);
        await bot.say('text', 'Sorry, that failed. The on-call team has been notified.');
      }),
    cmd.help);
  }

  framework.on('spawn', (bot, _id, actorId) => {
    if (actorId) bot.say('markdown', 'Hi! Ask me **who is on call** or type `help`.').catch(() => {});
  });
  framework.on('initialized', () => console.log('webex on-call bot ready'));

  await framework.start();

  const shutdown = async () => {
    await framework.stop();
    await redis.quit();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
