import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ddb, getPool, INVOICE_TABLE } from '../clients';

interface InvoiceInput {
  customerId: string;
  lines: { description: string; amountCents: number }[];
}

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const input = JSON.parse(event.body ?? '{}') as InvoiceInput;
  if (!input.customerId || !input.lines?.length) {
    return { statusCode: 400, body: JSON.stringify({ error: 'customerId and lines are required' }) };
  }

  const invoiceId = randomUUID();
  const total = input.lines.reduce((sum, l) => sum + l.amountCents, 0);

  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    await client.query(
      'insert into ledger_entries (invoice_id, customer_id, amount_cents, kind) values ($1, $2, $3, $4)',
      [invoiceId, input.customerId, total, 'invoice'],
    );
    await client.query('update customers set balance_cents = balance_cents + $1 where id = $2', [
      total,
      input.customerId,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }

  await ddb.send(
    new PutCommand({
      TableName: INVOICE_TABLE,
      Item: { pk: `CUSTOMER#${input.customerId}`, sk: `INVOICE#${invoiceId}`, total, status: 'open', lines: input.lines },
    }),
  );

  return { statusCode: 201, body: JSON.stringify({ invoiceId, total }) };
};
