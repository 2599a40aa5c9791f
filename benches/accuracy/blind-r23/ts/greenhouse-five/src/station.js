'use strict';

const five = require('johnny-five');
const { RaspiIO } = require('raspi-io');
const { connectMongo, createSender } = require('./clients');
const { attachSensors } = require('./sensors');

const GREENHOUSE_ID = process.env.GREENHOUSE_ID || 'gh-north';

async function main() {
  const mongo = await connectMongo();
  const sender = await createSender();
  const alerts = mongo.db('greenhouse').collection('alerts');

  const board = new five.Board({ io: new RaspiIO(), repl: false });

  board.on('ready', () => {
    console.log(`board ready, station ${GREENHOUSE_ID}`);
    attachSensors(board, { sender, alerts, greenhouseId: GREENHOUSE_ID });
  });

  board.on('error', (err) => {
    console.error('board error', err);
  });

  let closing = false;
  async function shutdown() {
    if (closing) return;
    closing = true;
    try {
      await sender.flush();
      await sender.close();
    } finally {
      await mongo.close();
      process.exit(0);
    }
  }

  board.on('exit', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('station failed to start', err);
  process.exit(1);
});
