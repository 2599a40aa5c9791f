import { log, note, text, isCancel } from '@clack/prompts';
import pc from 'picocolors';
import { DB_NAME, openMongo } from '../lib/mongo.js';

export async function lookupCustomer(): Promise<void> {
  const email = await text({ message: 'Customer e-mail', placeholder: 'jane@example.com' });
  if (isCancel(email)) return;

  const client = await openMongo();
  const customer = await client
    .db(DB_NAME)
    .collection('customers')
    .findOne({ email: email.trim().toLowerCase() }, { projection: { _id: 1, name: 1, plan: 1, createdAt: 1 } });

  if (!customer) {
    log.warn(`No customer with e-mail ${pc.bold(email)}`);
    return;
  }
  const orders = await client.db(DB_NAME).collection('orders').countDocuments({ customerId: customer._id });
  note(
    [`id:      ${customer._id}`, `name:    ${customer.name}`, `plan:    ${customer.plan}`, `orders:  ${orders}`].join('\n'),
    'Customer',
  );
}
