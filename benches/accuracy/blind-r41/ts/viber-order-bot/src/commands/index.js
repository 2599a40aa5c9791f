'use strict';

const { track } = require('./track');
const { notify } = require('./notify');
const { cancel } = require('./cancel');

const HELP = [
  'track <order>  - where is my parcel?',
  'notify <order> - message me when it is delivered',
  'cancel <order> - cancel an order that has not shipped yet',
].join('\n');

const commands = { track, notify, cancel };

async function dispatch(text, userProfile) {
  const [name, ...args] = text.split(/\s+/);
  const handler = commands[name.toLowerCase()];
  if (!handler) {
    return HELP;
  }
  return handler(args, userProfile);
}

module.exports = { dispatch };
