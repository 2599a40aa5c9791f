'use strict';

const { MongoClient } = require('mongodb');

function openAudit() {
  const client = new MongoClient(process.env.AUDIT_MONGO_URL, { appName: 'hl7-adt-feed' });
  return client.db('hl7_audit').collection('messages');
}

module.exports = { openAudit };
