import smpp, { type Session } from 'smpp';
import { authenticate, type Account } from './auth.js';
import { closeAll, redis } from './db.js';
import { forwardReceipt } from './handlers/dlr.js';
import { onSubmitSm } from './handlers/submit.js';

const bound = new Map<number, Session>();

const server = smpp.createServer({ debug: false }, (session) => {
  let account: Account | null = null;

  session.on('bind_transceiver', (pdu) => {
    session.pause();
    authenticate(pdu.system_id ?? '', pdu.password ?? '')
      .then((acct) => {
        if (!acct) {
          session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
          return session.close();
        }
        account = acct;
        bound.set(acct.id, session);
        session.send(pdu.response());
        session.resume();
      })
      .catch(() => session.close());
  });

  session.on('submit_sm', (pdu) => {
    if (!account) return;
    onSubmitSm(session, account, pdu).catch((err) => {
      console.error('submit_sm failed', err);
      session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
    });
  });

  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    session.send(pdu.response());
    session.close();
  });
  session.on('close', () => account && bound.delete(account.id));
  session.on('error', (err: Error) => console.warn('session error', session.remoteAddress, err.message));
});

let running = true;

async function receiptLoop(): Promise<void> {
  const blocking = redis.duplicate();
  while (running) {
    const item = await blocking.brpop('carrier:receipts', 5);
    if (item) await forwardReceipt(bound, JSON.parse(item[1])).catch((err) => console.error('receipt failed', err));
  }
  await blocking.quit();
}

server.listen(Number(process.env.SMPP_PORT ?? 2775), '0.0.0.0', () => console.log('SMPP listening'));
void receiptLoop();

process.on('SIGTERM', () => {
  running = false;
  server.close(() => void closeAll());
});
