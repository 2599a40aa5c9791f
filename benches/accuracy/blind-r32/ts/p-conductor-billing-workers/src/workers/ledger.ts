import type { ConductorWorker, Task } from "@io-orkes/conductor-javascript";
import { pool } from "./shared.js";

export const postLedgerEntry: ConductorWorker = {
  taskDefName: "post_ledger_entry",
  execute: async (task: Task) => {
    const { invoiceId } = task.inputData as { invoiceId: string };
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO ledger_entries (invoice_id, account, amount_cents)
         SELECT invoice_id, 'receivable', sum(amount_cents) FROM invoice_lines WHERE invoice_id = $1 GROUP BY invoice_id`,
        [invoiceId],
      );
      await client.query("UPDATE invoices SET status = 'posted' WHERE id = $1", [invoiceId]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
    return { status: "COMPLETED", outputData: { invoiceId } };
  },
};
