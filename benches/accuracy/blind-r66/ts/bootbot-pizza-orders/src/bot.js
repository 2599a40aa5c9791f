'use strict';
const BootBot = require('bootbot');
const { getOrdersDb } = require('./db');
const { menuText, findItem } = require('./menu');
const { addStamp, stampsFor, STAMPS_FOR_FREE_PIZZA } = require('./loyalty');

const bot = new BootBot({
  accessToken: process.env.FB_ACCESS_TOKEN,
  verifyToken: process.env.FB_VERIFY_TOKEN,
  appSecret: process.env.FB_APP_SECRET,
});

bot.setGreetingText('Ciao! Type "menu" to see today\'s pizzas or "order margherita" to order.');

bot.hear(['menu', /what do you (have|sell)/i], async (payload, chat) => {
  const text = await menuText();
  await chat.say(text || 'The oven is cooling down - no pizzas available right now.');
});

// One webhook event per Messenger message that matches "order <pizza>".
bot.hear(/^order (.+)$/i, async (payload, chat, data) => {
  const wanted = data.match[1];
  const item = await findItem(wanted);
  if (!item) {
    await chat.say(`Sorry, we don't have "${wanted}". Type "menu" to see what's available.`);
    return;
  }

  const db = await getOrdersDb();
  const order = {
    psid: payload.sender.id,
    item: item.name,
    priceCents: item.priceCents,
    status: 'received',
    createdAt: new Date(),
  };
  const { insertedId } = await db.collection('orders').insertOne(order);
  const stamps = await addStamp(payload.sender.id);

  await chat.say(`Got it! One ${item.name} (order #${insertedId.toString().slice(-6)}).`);
  if (stamps % STAMPS_FOR_FREE_PIZZA === 0) {
    await chat.say('That was your 10th stamp - your next pizza is on us!');
  }
});

bot.hear(['stamps', 'loyalty'], async (payload, chat) => {
  const stamps = await stampsFor(payload.sender.id);
  await chat.say(`You have ${stamps % STAMPS_FOR_FREE_PIZZA}/${STAMPS_FOR_FREE_PIZZA} stamps.`);
});

bot.on('postback:GET_STARTED', (payload, chat) => {
  chat.say('Welcome to Napoli Express! Type "menu" to begin.');
});

bot.start(Number(process.env.PORT || 3000));
