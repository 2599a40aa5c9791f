const pool = require('../../../lib/ledger-pool');

module.exports = {
  friendlyName: 'Pay invoice',

  inputs: {
    id: { type: 'number', required: true },
    amountCents: { type: 'number', required: true, min: 1 },
  },

  exits: {
    notFound: { responseType: 'notFound' },
    alreadyPaid: { statusCode: 409 },
  },

  fn: async function ({ id, amountCents }) {
    const conn = await pool.getConnection();
    await conn.beginTransaction();

    const [rows] = await conn.execute(
      'SELECT total_cents, paid_cents, status FROM invoices WHERE id = ? FOR UPDATE',
      [id]
    );
    if (rows.length === 0) {
      await conn.rollback();
      throw 'notFound';
    }

    const invoice = rows[0];
    if (invoice.status === 'paid') {
      await conn.rollback();
      throw 'alreadyPaid';
    }

    const paid = invoice.paid_cents + amountCents;
    const status = paid >= invoice.total_cents ? 'paid' : 'partial';
    await conn.execute('UPDATE invoices SET paid_cents = ?, status = ? WHERE id = ?', [paid, status, id]);
    await conn.execute(
      'INSERT INTO payments (invoice_id, amount_cents, received_at) VALUES (?, ?, UTC_TIMESTAMP())',
      [id, amountCents]
    );
    await conn.commit();
    conn.release();

    return { id, paidCents: paid, status };
  },
};
