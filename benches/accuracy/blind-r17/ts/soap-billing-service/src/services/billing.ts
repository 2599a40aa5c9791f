import mysql, { type RowDataPacket, type ResultSetHeader } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { pool } from '../db';

function fault(code: string, text: string) {
  return { Fault: { Code: { Value: 'soap:Sender', Subcode: { value: code } }, Reason: { Text: text } } };
}

export const billingService = {
  BillingService: {
    BillingPort: {
      async GetInvoice(args: { invoiceId: string }) {
        const conn = await pool.getConnection();
        const [rows] = await conn.query<RowDataPacket[]>(
          'SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = ?',
          [args.invoiceId],
        );
        if (rows.length === 0) {
          throw fault('NotFound', `invoice ${args.invoiceId} not found`);
        }
        const [lines] = await conn.query<RowDataPacket[]>(
          'SELECT sku, qty, unit_cents FROM invoice_lines WHERE invoice_id = ?',
          [args.invoiceId],
        );
        conn.release();
        return { invoice: JSON.stringify({ ...rows[0], lines }) };
      },

      async CreateInvoice(args: { customerId: string; amountCents: number }) {
        const id = randomUUID();
        await pool.execute<ResultSetHeader>(
          'INSERT INTO invoices (id, customer_id, amount_cents, status) VALUES (?, ?, ?, "open")',
          [id, args.customerId, args.amountCents],
        );

        // Legacy ledger lives on the old reporting server.
        const ledger = await mysql.createConnection(process.env.LEDGER_DB_URL as string);
        try {
          await ledger.execute('INSERT INTO ledger_entries (ref, amount_cents) VALUES (?, ?)', [
            id,
            args.amountCents,
          ]);
        } finally {
          await ledger.end();
        }
        return { invoiceId: id };
      },

      async ListInvoices(args: { customerId: string }) {
        const [rows] = await pool.query<RowDataPacket[]>(
          'SELECT id, amount_cents, status FROM invoices WHERE customer_id = ? ORDER BY created_at DESC LIMIT 100',
          [args.customerId],
        );
        return { invoices: JSON.stringify(rows) };
      },
    },
  },
};
