import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2/promise'

// Invoice reads used by the archive step.
const pool = mysql.createPool({
  uri: process.env.BILLING_DB_URL ?? 'mysql://billing@127.0.0.1:3306/billing',
  connectionLimit: 5,
})

export interface Attachment extends RowDataPacket {
  id: number
  invoice_id: string
  bucket: string
  region: string
  object_key: string
}

export async function attachmentsFor(invoiceId: string): Promise<Attachment[]> {
  const [rows] = await pool.query<Attachment[]>(
    'SELECT id, invoice_id, bucket, region, object_key FROM invoice_attachments WHERE invoice_id = ?',
    [invoiceId],
  )
  return rows
}

export async function markArchived(invoiceId: string, archiveKey: string): Promise<void> {
  await pool.query('UPDATE invoices SET archived_at = NOW(), archive_key = ? WHERE id = ?', [archiveKey, invoiceId])
}
