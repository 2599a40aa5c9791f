import * as net from 'node:net';
import { ledgerService } from './protocol';
import { transfer, balance, respond } from './handlers';
import { auditPool } from './audit';

const PORT = Number(process.env.LEDGER_RPC_PORT ?? 24950);

const server: any = ledgerService.createServer({ silent: true });

server
  .use(function (this: any, wreq: any, _wres: any, next: (err?: Error) => void) {
    const header = wreq.headers.caller as Buffer | undefined;
    this.locals.caller = header ? header.toString('utf8') : 'unknown';
    next();
  })
  .onTransfer(function (
    this: any,
    debitAccountId: string,
    creditAccountId: string,
    amountMinor: string,
    reference: string,
    cb: (err: string | null, res?: string) => void,
  ) {
    respond(cb, transfer(this.locals.caller, debitAccountId, creditAccountId, amountMinor, reference));
  })
  .onBalance(function (accountId: string, cb: (err: string | null, res?: unknown) => void) {
    respond(cb, balance(accountId));
  });

const tcp = net
  .createServer()
  .on('connection', (socket) => {
    server.createChannel(socket);
  })
  .listen(PORT, () => console.log(`ledger rpc listening on ${PORT}`));

process.on('SIGTERM', () => {
  tcp.close(() => {
    auditPool.end().finally(() => process.exit(0));
  });
});
