import type { ConductorWorker, Task } from "@io-orkes/conductor-javascript";
import { ledgerPool, invoiceTotals } from "../db/ledger.js";
import { openCatalog, type CatalogItem } from "../lib/edge.js";

async function lookupSkus(skus: string[]): Promise<CatalogItem[]> {
  const catalog = openCatalog();
  return catalog.query<CatalogItem>(
    `select Product { sku, name, taxCode := .tax_code } filter .sku in array_unpack(<array<str>>$skus)`,
    { skus },
  );
}

export const generateInvoice: ConductorWorker = {
  taskDefName: "generate_invoice",
  execute: async (task: Task) => {
    const { orderId, customerId, lines } = task.inputData as {
      orderId: string;
      customerId: string;
      lines: { sku: string; qty: number; unitCents: number }[];
    };

    const items = await lookupSkus(lines.map((l) => l.sku));
    const taxBySku = new Map(items.map((i) => [i.sku, i.taxCode]));

    const { rows } = await ledgerPool.query(
      "INSERT INTO invoices (order_id, customer_id, status) VALUES ($1, $2, 'draft') RETURNING id",
      [orderId, customerId],
    );
    const invoiceId: string = rows[0].id;

    for (const line of lines) {
      await ledgerPool.query(
        "INSERT INTO invoice_lines (invoice_id, sku, qty, amount_cents, tax_code, currency) VALUES ($1, $2, $3, $4, $5, 'EUR')",
        [invoiceId, line.sku, line.qty, line.qty * line.unitCents, taxBySku.get(line.sku) ?? "STD"],
      );
    }

    const totals = await invoiceTotals(invoiceId);
    return { status: "COMPLETED", outputData: { invoiceId, totals } };
  },
};
