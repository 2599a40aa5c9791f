import { api, topic, schedule } from '@nitric/sdk';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sql } from '../src/db/sql';
import { getDb } from '../src/db/kysely';

interface InvoiceCreated {
  invoiceId: string;
  customerEmail: string;
  amountCents: number;
  currency: string;
}

const billingApi = api('billing');
const invoiceCreated = topic<InvoiceCreated>('invoice-created');
const publisher = invoiceCreated.allow('publish');

billingApi.get('/invoices/:id', async (ctx) => {
  const { id } = ctx.req.params;
  const [invoice] = await sql`
    select id, customer_id, amount_cents, currency, status, due_at
    from invoices where id = ${id}
  `;
  if (!invoice) {
    ctx.res.status = 404;
    return ctx;
  }
  ctx.res.json(invoice);
  return ctx;
});

billingApi.post('/invoices', async (ctx) => {
  const body = ctx.req.json() as { customerId: string; amountCents: number; currency: string; dueAt: string };
  const db = getDb();

  const customer = await db
    .selectFrom('customers')
    .select(['id', 'email'])
    .where('id', '=', body.customerId)
    .executeTakeFirst();
  if (!customer) {
    ctx.res.status = 422;
    ctx.res.json({ error: 'unknown customer' });
    return ctx;
  }

  const invoice = await db
    .insertInto('invoices')
    .values({
      customer_id: customer.id,
      amount_cents: body.amountCents,
      currency: body.currency,
      status: 'open',
      due_at: new Date(body.dueAt),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();

  await publisher.publish({
    invoiceId: invoice.id,
    customerEmail: customer.email,
    amountCents: body.amountCents,
    currency: body.currency,
  });
  ctx.res.status = 201;
  ctx.res.json(invoice);
  return ctx;
});

invoiceCreated.subscribe(async (ctx) => {
  const evt = ctx.req.json() as InvoiceCreated;
  const ses = new SESv2Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'billing@example.com',
      Destination: { ToAddresses: [evt.customerEmail] },
      Content: {
        Simple: {
          Subject: { Data: `Your invoice ${evt.invoiceId}` },
          Body: {
            Text: { Data: `Amount due: ${(evt.amountCents / 100).toFixed(2)} ${evt.currency}` },
          },
        },
      },
    }),
  );
  await sql`update invoices set notified_at = now() where id = ${evt.invoiceId}`;
  return ctx;
});

schedule('mark-overdue').every('1 hour', async (ctx) => {
  const rows = await sql`
    update invoices set status = 'overdue'
    where status = 'open' and due_at < now()
    returning id
  `;
  console.log(`marked ${rows.length} invoices overdue`);
  return ctx;
});
