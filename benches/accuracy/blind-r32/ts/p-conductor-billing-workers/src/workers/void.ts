import type { ConductorWorker, Task } from "@io-orkes/conductor-javascript";
import { ledgerPool } from "../db/ledger.js";

export const voidInvoice: ConductorWorker = {
  taskDefName: "void_invoice",
  execute: async (task: Task) => {
    const { invoiceId, reason } = task.inputData as { invoiceId: string; reason: string };
    const client = await ledgerPool.connect();
    await client.query("BEGIN");
    const { rows } = await client.query("SELECT status FROM invoices WHERE id = $1 FOR UPDATE", [invoiceId]);
    if (rows[0]?.status === "paid") {
      throw new Error(`invoice ${invoiceId} is paid; issue a credit note instead`);
    }
    await client.query("UPDATE invoices SET status = 'void', void_reason = $2 WHERE id = $1", [invoiceId, reason]);
    await client.query("DELETE FROM ledger_entries WHERE invoice_id = $1", [invoiceId]);
    await client.query("COMMIT");
    client.release();
    return { status: "COMPLETED", outputData: { invoiceId, voided: true } };
  },
};
