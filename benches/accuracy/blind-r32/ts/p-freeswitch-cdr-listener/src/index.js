'use strict';

const esl = require('modesl');
const { CdrWriter } = require('./cdr-writer');
const billing = require('./billing');

const FS_HOST = process.env.FS_HOST || '127.0.0.1';
const FS_PORT = Number(process.env.FS_PORT || 8021);
const FS_PASSWORD = process.env.FS_ESL_PASSWORD || 'ClueCon';

function onAnswer(evt) {
  const uuid = evt.getHeader('Unique-ID');
  const account = evt.getHeader('variable_billing_account');
  if (!account) return;
  billing.startCall(uuid, account, evt.getHeader('Caller-Destination-Number')).catch((err) => {
    console.error('billing start failed', uuid, err.message);
  });
}

function onHangup(evt) {
  const writer = new CdrWriter(evt);
  writer
    .persist()
    .then(() => billing.finishCall(evt.getHeader('Unique-ID'), Number(evt.getHeader('variable_billsec') || 0)))
    .catch((err) => console.error('cdr persist failed', err));
}

function connect() {
  const conn = new esl.Connection(FS_HOST, FS_PORT, FS_PASSWORD, () => {
    console.log('ESL connected');
    conn.events('json', 'CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE');
  });

  conn.on('esl::event::CHANNEL_ANSWER::*', onAnswer);
  conn.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', onHangup);

  conn.on('error', (err) => console.error('ESL error', err.message));
  conn.on('esl::end', () => {
    console.warn('ESL connection closed, reconnecting in 5s');
    setTimeout(connect, 5000);
  });
}

connect();
