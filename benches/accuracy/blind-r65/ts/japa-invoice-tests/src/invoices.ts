export interface Queryable {
  query<R = any>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>
}

export interface LineInput {
  sku: string
  quantity: number
  unitCents: number
}

export async function createInvoice(db: Queryable, customerId: string, lines: LineInput[]) {
  if (lines.length === 0) throw new Error('an invoice needs at least one line')
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0)
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO invoices (customer_id, total_cents, status) VALUES ($1, $2, $3) RETURNING id',
    [customerId, total, 'draft'],
  )
  for (const line of lines) {
    await db.query(
      'INSERT INTO invoice_lines (invoice_id, sku, quantity, unit_cents) VALUES ($1, $2, $3, $4)',
      [rows[0].id, line.sku, line.quantity, line.unitCents],
    )
  }
  return { id: rows[0].id, total }
}

export async function finalizeInvoice(db: Queryable, id: number) {
  const { rowCount } = await db.query(
    "UPDATE invoices SET status = 'final', finalized_at = now() WHERE id = $1 AND status = 'draft'",
    [id],
  )
  if (rowCount !== 1) throw new Error(`invoice ${id} is not a draft`)
}
