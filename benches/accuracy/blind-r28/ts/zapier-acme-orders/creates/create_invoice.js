const { billingPool, toCents } = require('../lib/clients');

const perform = async (z, bundle) => {
  const pool = billingPool(bundle.authData);
  const client = await pool.connect();
  await client.query('BEGIN');

  const {
    rows: [customer],
  } = await client.query('SELECT id, currency FROM customers WHERE account_id = $1 AND external_ref = $2', [
    bundle.authData.accountId,
    bundle.inputData.customerRef,
  ]);
  if (!customer) {
    throw new z.errors.Error(`Unknown customer ${bundle.inputData.customerRef}`, 'UnknownCustomer', 404);
  }

  const amountCents = toCents(bundle.inputData.amount);
  const {
    rows: [invoice],
  } = await client.query(
    `INSERT INTO invoices (customer_id, amount_cents, currency, memo, due_on)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
     RETURNING id, number, amount_cents, currency, due_on`,
    [customer.id, amountCents, customer.currency, bundle.inputData.memo || null, bundle.inputData.netDays || 30],
  );
  await client.query('UPDATE customers SET open_balance_cents = open_balance_cents + $1 WHERE id = $2', [
    amountCents,
    customer.id,
  ]);
  await client.query('COMMIT');
  client.release();

  return {
    id: invoice.id,
    number: invoice.number,
    amountCents: invoice.amount_cents,
    currency: invoice.currency,
    dueOn: invoice.due_on,
  };
};

module.exports = {
  key: 'create_invoice',
  noun: 'Invoice',
  display: {
    label: 'Create Invoice',
    description: 'Creates an invoice for an existing customer.',
  },
  operation: {
    inputFields: [
      { key: 'customerRef', label: 'Customer reference', required: true },
      { key: 'amount', label: 'Amount', type: 'number', required: true },
      { key: 'memo', label: 'Memo', required: false },
      { key: 'netDays', label: 'Payment terms (days)', type: 'integer', required: false },
    ],
    perform,
    sample: { id: 981, number: 'INV-2024-0981', amountCents: 12000, currency: 'EUR', dueOn: '2024-09-05' },
  },
};
