import * as net from 'node:net';
import _ from 'highland';
import { indexTicket } from './index-ticket';
import { flushRollup, pg } from './rollup';
import { isTicketEvent, type TicketEvent } from './types';

const PORT = Number(process.env.INGEST_PORT ?? 5170);

function parse(line: string): TicketEvent[] {
  try {
    const v = JSON.parse(line);
    return isTicketEvent(v) ? [v] : [];
  } catch {
    return [];
  }
}

const server = net.createServer((socket) => {
  const peer = `${socket.remoteAddress}:${socket.remotePort}`;
  console.log(`shipper connected ${peer}`);

  _<Buffer>(socket)
    .map((chunk) => chunk.toString('utf8'))
    .split()
    .filter((line) => line.length > 0)
    .flatMap((line) => _(parse(line)))
    .flatMap((evt) => _(indexTicket(evt)))
    .batchWithTimeOrCount(2000, 200)
    .flatMap((batch) => _(flushRollup(batch)))
    .errors((err, push) => {
      console.error(`[${peer}] pipeline error:`, err);
      push(null, 0);
    })
    .each((queues) => {
      if (queues) console.log(`[${peer}] rolled up ${queues} queues`);
    })
    .done(() => console.log(`shipper disconnected ${peer}`));
});

server.listen(PORT, () => console.log(`ticket ingester on :${PORT}`));

process.on('SIGTERM', () => {
  server.close(() => {
    pg.end().finally(() => process.exit(0));
  });
});
