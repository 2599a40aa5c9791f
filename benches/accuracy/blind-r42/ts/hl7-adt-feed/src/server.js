'use strict';

const hl7 = require('simple-hl7');
const Redis = require('ioredis');
const adt = require('./handlers/adt');
const orm = require('./handlers/orm');

const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const app = hl7.tcp();

// Drop retransmissions: interface engines resend when an ACK is late.
app.use(function dedupe(req, res, next) {
  // simple-hl7 numbers MSH fields from MSH-3, so MSH-10 (control id) is field 8.
  const controlId = req.msg.header.getField(8);
  redis
    .set(`hl7:seen:${req.facility}:${controlId}`, '1', 'EX', 86400, 'NX')
    .then((ok) => {
      if (ok === null) {
        res.end();
        return;
      }
      next();
    })
    .catch(next);
});

app.use(adt);
app.use(orm);

app.use(function ack(req, res) {
  res.end();
});

app.use(function onError(err, req, res, next) {
  console.error('hl7 message failed', req.type, req.event, err);
  const msa = res.ack.getSegment('MSA');
  msa.setField(1, 'AE');
  res.ack.addSegment('ERR', err.message);
  res.end();
});

const port = Number(process.env.MLLP_PORT || 2575);
app.start(port);
console.log(`MLLP listener on ${port}`);
