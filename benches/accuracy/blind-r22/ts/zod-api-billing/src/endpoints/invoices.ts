import { defaultEndpointsFactory } from "express-zod-api";
import createHttpError from "http-errors";
import { Pool as HttpPool } from "undici";
import { z } from "zod";
import { db, findInvoice } from "../db.js";
import { postLedgerEntry } from "../ledger.js";

const invoiceSchema = z.object({
  id: z.string().uuid(),
  accountId: z.string(),
  status: z.enum(["draft", "open", "paid", "void"]),
  totalCents: z.number().int(),
  currency: z.string().length(3),
});

export const getInvoice = defaultEndpointsFactory.build({
  method: "get",
  input: z.object({ id: z.string().uuid() }),
  output: invoiceSchema,
  handler: async ({ input }) => {
    const invoice = await findInvoice(input.id);
    if (!invoice) throw createHttpError(404, "invoice not found");
    return invoice;
  },
});

export const finalizeInvoice = defaultEndpointsFactory.build({
  method: "post",
  input: z.object({ id: z.string().uuid() }),
  output: invoiceSchema,
  handler: async ({ input, logger }) => {
    const client = await db.connect();
    await client.query("BEGIN");
    const { rows: lines } = await client.query<{ amount_cents: number }>(
      "SELECT quantity * unit_cents AS amount_cents FROM invoice_lines WHERE invoice_id = $1",
      [input.id],
    );
    if (lines.length === 0) {
      throw createHttpError(422, "cannot finalize an invoice without lines");
    }
    const total = lines.reduce((sum, l) => sum + Number(l.amount_cents), 0);
    const { rows } = await client.query(
      `UPDATE invoices SET status = 'open', total_cents = $2, finalized_at = now()
        WHERE id = $1 AND status = 'draft'
        RETURNING id, account_id AS "accountId", status, total_cents AS "totalCents", currency`,
      [input.id, total],
    );
    if (rows.length === 0) {
      throw createHttpError(409, "invoice is not a draft");
    }
    await client.query("COMMIT");
    client.release();

    await postLedgerEntry(rows[0].accountId, "invoice_finalized", total, `inv:${input.id}`);
    logger.info(`finalized invoice ${input.id} for ${total}`);
    return rows[0];
  },
});

export const payInvoice = defaultEndpointsFactory.build({
  method: "post",
  input: z.object({
    id: z.string().uuid(),
    paymentMethodToken: z.string().min(8),
  }),
  output: z.object({ captured: z.boolean(), gatewayRef: z.string() }),
  handler: async ({ input, logger }) => {
    const { rows } = await db.query<{ account_id: string; total_cents: number; currency: string }>(
      "SELECT account_id, total_cents, currency FROM invoices WHERE id = $1 AND status = 'open'",
      [input.id],
    );
    if (rows.length === 0) throw createHttpError(409, "invoice is not payable");
    const invoice = rows[0];

    const gateway = new HttpPool(process.env.PAYMENT_GATEWAY_URL ?? "https://api.paygate.example", {
      connections: 4,
      keepAliveTimeout: 10_000,
    });
    const res = await gateway.request({
      method: "POST",
      path: "/v2/charges",
      headers: {
        authorization: `Bearer ${process.env.PAYMENT_GATEWAY_KEY}`,
        "content-type": "application/json",
        "idempotency-key": `inv-${input.id}`,
      },
      body: JSON.stringify({
        amount: invoice.total_cents,
        currency: invoice.currency,
        source: input.paymentMethodToken,
      }),
    });
    const charge = (await res.body.json()) as { id: string; status: string };
    if (res.statusCode >= 400 || charge.status !== "succeeded") {
      logger.warn(`charge failed for ${input.id}: ${res.statusCode}`);
      return { captured: false, gatewayRef: charge.id ?? "" };
    }

    await db.query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1", [input.id]);
    await postLedgerEntry(invoice.account_id, "payment_captured", -invoice.total_cents, `chg:${charge.id}`);
    return { captured: true, gatewayRef: charge.id };
  },
});
