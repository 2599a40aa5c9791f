'use strict';

const { MongoClient } = require('mongodb');

const HEADERS = {
  uuid: 'Unique-ID',
  caller: 'Caller-Caller-ID-Number',
  callee: 'Caller-Destination-Number',
  direction: 'Call-Direction',
  hangupCause: 'Hangup-Cause',
  billsec: 'variable_billsec',
  duration: 'variable_duration',
  startEpoch: 'variable_start_epoch',
  gateway: 'variable_sip_gateway_name',
};

class CdrWriter {
  constructor(evt) {
    this.evt = evt;
    this.mongo = new MongoClient(process.env.CDR_MONGO_URL || 'mongodb://127.0.0.1:27017', {
      appName: 'fs-cdr-listener',
    });
  }

  toDocument() {
    const doc = {};
    for (const [field, header] of Object.entries(HEADERS)) {
      doc[field] = this.evt.getHeader(header) || null;
    }
    doc.billsec = Number(doc.billsec || 0);
    doc.duration = Number(doc.duration || 0);
    doc.startedAt = doc.startEpoch ? new Date(Number(doc.startEpoch) * 1000) : null;
    delete doc.startEpoch;
    doc.receivedAt = new Date();
    return doc;
  }

  async persist() {
    await this.mongo.connect();
    const cdrs = this.mongo.db('telephony').collection('cdrs');
    const doc = this.toDocument();
    await cdrs.updateOne({ uuid: doc.uuid }, { $set: doc }, { upsert: true });
    return doc;
  }
}

module.exports = { CdrWriter };
