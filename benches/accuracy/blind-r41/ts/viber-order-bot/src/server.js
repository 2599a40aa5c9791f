'use strict';

const http = require('node:http');
const { Bot, Events, Message } = require('viber-bot');
const { dispatch } = require('./commands');

const bot = new Bot({
  authToken: process.env.VIBER_AUTH_TOKEN,
  name: 'Acme Orders',
  avatar: 'https://cdn.acme.dev/bot/avatar.png',
});

bot.on(Events.SUBSCRIBED, (response) => {
  response.send(
    new Message.Text(`Hi ${response.userProfile.name}! Send "track <order>" to follow a delivery.`),
  );
});

bot.on(Events.MESSAGE_RECEIVED, async (message, response) => {
  if (!(message instanceof Message.Text)) {
    return;
  }
  try {
    const reply = await dispatch(message.text.trim(), response.userProfile);
    await response.send(new Message.Text(reply));
  } catch (err) {
    console.error('command failed', { user: response.userProfile.id, err });
    await response.send(new Message.Text('Sorry, something went wrong. Please try again later.'));
  }
});

bot.on(Events.UNSUBSCRIBED, (userId) => {
  console.info('user unsubscribed', userId);
});

const port = Number(process.env.PORT || 8080);
http.createServer(bot.middleware()).listen(port, () => {
  bot
    .setWebhook(`${process.env.PUBLIC_URL}/viber/webhook`)
    .then(() => console.info(`viber webhook registered, listening on ${port}`))
    .catch((err) => {
      console.error('could not register webhook', err);
      process.exit(1);
    });
});
