module.exports = {
  friendlyName: 'Create invoice',

  inputs: {
    customerId: { type: 'string', required: true },
    lines: { type: 'ref', required: true },
  },

  exits: {
    success: { statusCode: 201 },
    customerNotFound: { responseType: 'notFound' },
    badLines: { statusCode: 400 },
  },

  fn: async function ({ customerId, lines }) {
    if (!Array.isArray(lines) || lines.length === 0) {
      throw 'badLines';
    }

    const customer = await Customer.findOne({ id: customerId });
    if (!customer) {
      throw 'customerNotFound';
    }

    const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);

    const ledger = await sails.helpers.getLedgerConnection();
    const [result] = await ledger.execute(
      'INSERT INTO invoices (customer_id, currency, total_cents, paid_cents, status) VALUES (?, ?, ?, 0, ?)',
      [customerId, customer.currency, totalCents, 'open']
    );
    for (const line of lines) {
      await ledger.execute(
        'INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price_cents) VALUES (?, ?, ?, ?)',
        [result.insertId, line.description, line.quantity, line.unitPriceCents]
      );
    }
    await ledger.end();

    return { id: result.insertId, totalCents, currency: customer.currency };
  },
};
