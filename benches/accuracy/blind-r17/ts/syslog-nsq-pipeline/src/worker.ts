import nsq from 'nsqjs';
import { createMongo } from './lib/mongo.js';
import type { SyslogEntry } from './lib/syslog.js';

async function main(): Promise<void> {
  const mongo = await createMongo('syslog-worker');
  const incidents = mongo.db('logs').collection('incidents');

  const reader = new nsq.Reader('syslog.errors', 'incident-rollup', {
    lookupdHTTPAddresses: (process.env.NSQLOOKUPD ?? '127.0.0.1:4161').split(','),
    maxInFlight: 50,
  });

  reader.on('message', (msg) => {
    const entry = msg.json() as SyslogEntry;
    const hour = new Date(entry.receivedAt);
    hour.setMinutes(0, 0, 0);
    incidents
      .updateOne(
        { host: entry.host, app: entry.app, hour },
        { $inc: { count: 1 }, $set: { lastMessage: entry.message } },
        { upsert: true },
      )
      .then(() => msg.finish())
      .catch((err) => {
        console.error('rollup failed', err);
        msg.requeue(5_000);
      });
  });
  reader.on('error', (err) => console.error('nsq reader error', err));
  reader.connect();

  process.on('SIGTERM', () => {
    reader.close();
    void mongo.close().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
