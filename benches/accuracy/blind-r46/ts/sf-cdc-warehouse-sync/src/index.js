import jsforce from 'jsforce';

import { onAccountChange, onOpportunityChange } from './handlers.js';

const CHANNELS = {
  '/data/AccountChangeEvent': onAccountChange,
  '/data/OpportunityChangeEvent': onOpportunityChange,
};

async function main() {
  const conn = new jsforce.Connection({
    loginUrl: process.env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
    version: '61.0',
  });
  await conn.login(process.env.SF_USERNAME, process.env.SF_PASSWORD + process.env.SF_TOKEN);
  console.log(`logged in to ${conn.instanceUrl}`);

  for (const [channel, handler] of Object.entries(CHANNELS)) {
    // -1 = only new events; the durable replay id is kept by the warehouse.
    const replay = new jsforce.StreamingExtension.Replay(channel, -1);
    const authFailure = new jsforce.StreamingExtension.AuthFailure(() => {
      console.error('Salesforce session expired, exiting so systemd restarts us');
      process.exit(1);
    });
    const fayeClient = conn.streaming.createClient([authFailure, replay]);

    // Called once for every change event pushed on the channel.
    fayeClient.subscribe(channel, (message) => {
      handler(message).catch((err) => {
        console.error(`handler for ${channel} failed`, err);
      });
    });
    console.log(`subscribed to ${channel}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
