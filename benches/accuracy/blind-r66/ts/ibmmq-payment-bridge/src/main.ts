import * as mq from 'ibmmq';
import { MQC } from 'ibmmq';
import { StringDecoder } from 'string_decoder';
import { bookPayment, openLedger, type SettledPayment } from './ledger';
import { closeDedup, firstSighting } from './dedup';

const QMGR = process.env.MQ_QMGR ?? 'QMCORE1';
const QUEUE = process.env.MQ_QUEUE ?? 'PAYMENTS.SETTLED.LEDGER';
const decoder = new StringDecoder('utf8');

// Deliver to the Get callback as soon as it is registered (no explicit MQCTL start).
mq.setTuningParameters({ useCtl: false });

let hConn: mq.MQQueueManager;
let hObj: mq.MQObject;

async function handle(buf: Buffer, md: mq.MQMD): Promise<void> {
  const payment = JSON.parse(decoder.write(buf)) as SettledPayment;
  const msgId = md.MsgId.toString('hex');
  if (!(await firstSighting(payment.paymentId, msgId))) {
    console.log(`duplicate delivery of ${payment.paymentId}, skipping`);
    return;
  }
  const ledger = openLedger();
  await bookPayment(ledger, payment);
  console.log(`booked ${payment.paymentId} ${payment.amountMinor} ${payment.currency}`);
}

// Invoked by the MQ client once for every message delivered from the queue.
const onMessage: mq.GetCallback = (err, obj, gmo, md, buf) => {
  if (err) {
    if (err.mqrc !== MQC.MQRC_NO_MSG_AVAILABLE) {
      console.error('MQGET failed', err.message);
      mq.GetDone(obj);
      shutdown(1);
    }
    return;
  }
  handle(buf!, md!).catch((e) => console.error('booking failed', e));
};

function startConsuming(): void {
  const md = new mq.MQMD();
  const gmo = new mq.MQGMO();
  gmo.Options = MQC.MQGMO_NO_SYNCPOINT | MQC.MQGMO_WAIT | MQC.MQGMO_CONVERT | MQC.MQGMO_FAIL_IF_QUIESCING;
  gmo.MatchOptions = MQC.MQMO_NONE;
  gmo.WaitInterval = MQC.MQWI_UNLIMITED;
  mq.Get(hObj, md, gmo, onMessage);
}

function shutdown(code: number): void {
  mq.Close(hObj, 0, () => {
    mq.Disc(hConn, () => {
      closeDedup().finally(() => process.exit(code));
    });
  });
}

const cno = new mq.MQCNO();
const cd = new mq.MQCD();
cd.ConnectionName = process.env.MQ_CONNAME ?? 'mq-core.internal(1414)';
cd.ChannelName = process.env.MQ_CHANNEL ?? 'LEDGER.SVRCONN';
cno.ClientConn = cd;
cno.Options |= MQC.MQCNO_CLIENT_BINDING;
const csp = new mq.MQCSP();
csp.UserId = process.env.MQ_USER ?? 'ledger';
csp.Password = process.env.MQ_PASSWORD ?? '';
cno.SecurityParms = csp;

mq.Connx(QMGR, cno, (connErr, conn) => {
  if (connErr) {
    console.error('MQCONNX failed', connErr.message);
    process.exit(1);
  }
  hConn = conn;
  const od = new mq.MQOD();
  od.ObjectName = QUEUE;
  od.ObjectType = MQC.MQOT_Q;
  mq.Open(hConn, od, MQC.MQOO_INPUT_AS_Q_DEF, (openErr, obj) => {
    if (openErr) {
      console.error('MQOPEN failed', openErr.message);
      process.exit(1);
    }
    hObj = obj;
    startConsuming();
    console.log(`consuming ${QUEUE} on ${QMGR}`);
  });
});

process.on('SIGTERM', () => shutdown(0));
