'use strict';

const stompit = require('stompit');
const { createPool } = require('./lib/db');

const pool = createPool('worker');

const servers = (process.env.STOMP_SERVERS || 'localhost:61613').split(',').map((hp) => {
  const [host, port] = hp.split(':');
  return {
    host,
    port: Number(port),
    connectHeaders: {
      host: '/',
      login: process.env.STOMP_LOGIN,
      passcode: process.env.STOMP_PASSCODE,
      'heart-beat': '10000,10000',
    },
  };
});

// ConnectFailover retries the broker connection itself (start-up and after drops).
const failover = new stompit.ConnectFailover(servers, {
  initialReconnectDelay: 500,
  maxReconnectDelay: 30000,
  useExponentialBackOff: true,
  maxReconnects: -1,
});

failover.on('error', (err, server) => {
  console.warn(`stomp connection to ${server.serverProperties.remoteAddress.transportPath} failed: ${err.message}`);
});

async function storeTick(tick) {
  const client = await pool.connect();
  try {
    await client.query(
      'INSERT INTO ticks (symbol, bid, ask, ts) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0)) ON CONFLICT DO NOTHING',
      [tick.symbol, tick.bid, tick.ask, tick.ts],
    );
  } finally {
    client.release();
  }
}

failover.connect((error, client, reconnect) => {
  if (error) {
    console.error('stomp failover gave up', error);
    process.exit(1);
  }
  client.on('error', () => reconnect());

  client.subscribe({ destination: '/queue/prices.ticks', ack: 'client-individual' }, (err, message) => {
    if (err) {
      console.error('subscribe error', err);
      return;
    }
    message.readString('utf-8', (readErr, body) => {
      if (readErr) return client.nack(message);
      storeTick(JSON.parse(body))
        .then(() => client.ack(message))
        .catch((dbErr) => {
          console.error('tick insert failed', dbErr);
          client.nack(message);
        });
    });
  });
});

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
