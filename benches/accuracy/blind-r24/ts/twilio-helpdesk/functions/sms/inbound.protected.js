'use strict';

const { createPool, normalisePhone } = require(Runtime.getFunctions()['lib/db'].path);

const KEYWORDS = {
  STATUS: 'status',
  AGENT: 'agent',
  STOP: 'stop',
};

exports.handler = async function (context, event, callback) {
  const twiml = new Twilio.twiml.MessagingResponse();
  const from = normalisePhone(event.From);
  const body = String(event.Body || '').trim();
  const keyword = KEYWORDS[body.split(/\s+/)[0].toUpperCase()];

  const pool = createPool(context);

  try {
    const [customers] = await pool.query(
      'SELECT id, first_name FROM customers WHERE phone = ? LIMIT 1',
      [from]
    );
    const customer = customers[0];

    if (!customer) {
      twiml.message('We could not find an account for this number. Reply AGENT to talk to a human.');
      return callback(null, twiml);
    }

    await pool.execute(
      'INSERT INTO sms_log (customer_id, direction, body, message_sid) VALUES (?, "in", ?, ?)',
      [customer.id, body, event.MessageSid]
    );

    if (keyword === 'status') {
      const [tickets] = await pool.query(
        'SELECT ref, state FROM tickets WHERE customer_id = ? AND state <> "closed" ORDER BY opened_at DESC LIMIT 3',
        [customer.id]
      );
      const lines = tickets.map((t) => `#${t.ref}: ${t.state}`);
      twiml.message(lines.length ? lines.join('\n') : `Hi ${customer.first_name}, you have no open tickets.`);
    } else if (keyword === 'agent') {
      const client = context.getTwilioClient();
      await client.taskrouter.v1
        .workspaces(context.TASKROUTER_WORKSPACE_SID)
        .tasks.create({
          workflowSid: context.TASKROUTER_WORKFLOW_SID,
          attributes: JSON.stringify({ type: 'sms', customerId: customer.id, from }),
        });
      twiml.message('Thanks, an agent will text you back shortly.');
    } else if (keyword === 'stop') {
      await pool.execute('UPDATE customers SET sms_opt_out = 1 WHERE id = ?', [customer.id]);
    } else {
      twiml.message('Reply STATUS for your open tickets or AGENT to reach a person.');
    }

    return callback(null, twiml);
  } catch (err) {
    console.error('inbound sms failed', err);
    return callback(err);
  }
};
