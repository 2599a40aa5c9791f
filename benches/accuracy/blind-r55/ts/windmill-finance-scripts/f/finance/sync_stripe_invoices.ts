// Scheduled every 15 minutes (schedule f/finance/sync_stripe_invoices_every_15m).
// Windmill runs every job of this script as its own short-lived Bun process, so
// the client below lives exactly as long as one job.
import { Client } from "pg";
import * as wmill from "windmill-client";

type Postgresql = {
  host: string;
  port: number;
  user: string;
  dbname: string;
  sslmode: string;
  password: string;
};

type StripeInvoice = {
  id: string;
  customer: string;
  status: string;
  amount_due: number;
  amount_paid: number;
  currency: string;
  created: number;
};

export async function main(warehouse: Postgresql, lookback_minutes = 30) {
  const stripeKey = await wmill.getVariable("f/finance/stripe_secret_key");
  const since = Math.floor(Date.now() / 1000) - lookback_minutes * 60;

  const client = new Client({
    host: warehouse.host,
    port: warehouse.port,
    user: warehouse.user,
    password: warehouse.password,
    database: warehouse.dbname,
    ssl: warehouse.sslmode === "disable" ? false : { rejectUnauthorized: false },
    application_name: "windmill-sync-stripe-invoices",
  });
  await client.connect();

  let upserted = 0;
  let startingAfter: string | undefined;
  try {
    while (true) {
      const url = new URL("https://api.stripe.com/v1/invoices");
      url.searchParams.set("limit", "100");
      url.searchParams.set("created[gte]", String(since));
      if (startingAfter) url.searchParams.set("starting_after", startingAfter);

      const res = await fetch(url, { headers: { Authorization: `Bearer ${stripeKey}` } });
      if (!res.ok) throw new Error(`stripe ${res.status}: ${await res.text()}`);
      const page = (await res.json()) as { data: StripeInvoice[]; has_more: boolean };

      for (const inv of page.data) {
        await client.query(
          `INSERT INTO stripe_invoices (id, customer_id, status, amount_due, amount_paid, currency, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7))
           ON CONFLICT (id) DO UPDATE
             SET status = EXCLUDED.status, amount_paid = EXCLUDED.amount_paid`,
          [inv.id, inv.customer, inv.status, inv.amount_due, inv.amount_paid, inv.currency, inv.created]
        );
        upserted++;
      }

      if (!page.has_more || page.data.length === 0) break;
      startingAfter = page.data[page.data.length - 1].id;
    }
  } finally {
    await client.end();
  }

  return { upserted, since: new Date(since * 1000).toISOString() };
}
