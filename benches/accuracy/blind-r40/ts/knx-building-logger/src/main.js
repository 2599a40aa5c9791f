'use strict';
const knx = require('knx');
const { datapoints } = require('../datapoints.json');
const { sql, recordChange } = require('./db');
const { publishValue, closeAll } = require('./dashboards');

function onChange(dp) {
  // called by the knx Datapoint for every telegram that changes the value
  return (oldValue, newValue) => {
    Promise.all([recordChange(dp, oldValue, newValue), publishValue(dp, newValue)]).catch((err) =>
      console.error(`failed to store ${dp.ga} (${dp.name})`, err),
    );
  };
}

let bound = false;

const connection = new knx.Connection({
  ipAddr: process.env.KNX_GATEWAY || '192.168.10.20',
  ipPort: Number(process.env.KNX_PORT || 3671),
  physAddr: '15.15.250',
  handlers: {
    connected() {
      console.log('connected to KNX/IP gateway');
      // the connection re-runs this handler after a reconnect; bind datapoints only once
      if (bound) return;
      bound = true;
      for (const conf of datapoints) {
        const dp = new knx.Datapoint({ ga: conf.ga, dpt: conf.dpt }, connection);
        dp.on('change', onChange(conf));
        dp.read();
      }
    },
    error(status) {
      console.error('KNX connection error', status);
    },
  },
});

async function shutdown() {
  connection.Disconnect();
  await closeAll();
  await sql.end({ timeout: 5 });
  process.exit(0);
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
