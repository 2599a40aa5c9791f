import dgram from 'node:dgram';
import nsq from 'nsqjs';
import { createMongo } from './lib/mongo.js';
import { parse } from './lib/syslog.js';

async function main(): Promise<void> {
  const mongo = await createMongo('syslog-collector');
  const raw = mongo.db('logs').collection('raw');

  const writer = new nsq.Writer(process.env.NSQD_HOST ?? '127.0.0.1', Number(process.env.NSQD_PORT ?? 4150));
  writer.connect();
  await new Promise<void>((resolve) => writer.once('ready', () => resolve()));

  const sock = dgram.createSocket('udp4');
  sock.on('message', (buf, rinfo) => {
    const entry = parse(buf.toString('utf8'));
    if (!entry) return;
    raw.insertOne({ ...entry, peer: rinfo.address }).catch((err) => console.error('insert failed', err));
    if (entry.severity <= 3) {
      writer.publish('syslog.errors', entry, (err) => {
        if (err) console.error('nsq publish failed', err);
      });
    }
  });
  sock.bind(Number(process.env.SYSLOG_PORT ?? 5514));

  process.on('SIGTERM', () => {
    sock.close();
    writer.close();
    void mongo.close().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
