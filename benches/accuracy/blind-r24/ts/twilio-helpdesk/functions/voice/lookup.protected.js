'use strict';

const { MongoClient } = require('mongodb');
const { normalisePhone } = require(Runtime.getFunctions()['lib/db'].path);

// Called from the Studio flow ("Run Function" widget) on every incoming call
// to decide whether the caller gets the priority queue.
exports.handler = async function (context, event, callback) {
  const caller = normalisePhone(event.caller || event.From);
  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'application/json');

  const mongo = new MongoClient(context.MONGO_URI, {
    appName: 'helpdesk-voice-lookup',
    serverSelectionTimeoutMS: 3000,
  });

  try {
    await mongo.connect();
    const accounts = mongo.db('crm').collection('accounts');
    const account = await accounts.findOne(
      { phones: caller },
      { projection: { tier: 1, name: 1, openIncidents: 1 } }
    );

    const priority = Boolean(
      account && (account.tier === 'enterprise' || (account.openIncidents || 0) > 0)
    );

    await mongo.db('crm').collection('call_events').insertOne({
      caller,
      callSid: event.CallSid || null,
      accountId: account ? account._id : null,
      priority,
      at: new Date(),
    });

    response.setBody({
      known: Boolean(account),
      name: account ? account.name : null,
      priority,
    });
    return callback(null, response);
  } catch (err) {
    console.error('lookup failed', err);
    response.setStatusCode(200);
    response.setBody({ known: false, priority: false });
    return callback(null, response);
  }
};
