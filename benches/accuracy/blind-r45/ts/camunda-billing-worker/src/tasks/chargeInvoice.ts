import { Variables, type HandlerArgs } from 'camunda-external-task-client-js'
import type { RowDataPacket } from 'mysql2/promise'
import { billingDb } from '../db'

interface InvoiceRow extends RowDataPacket {
  id: string
  customer_id: string
  amount_cents: number
  currency: string
  status: string
}

export async function chargeInvoice({ task, taskService }: HandlerArgs): Promise<void> {
  const invoiceId = task.variables.get('invoiceId') as string

  // Lock the invoice so a retried task on another worker cannot double-charge.
  const conn = await billingDb.getConnection()
  await conn.beginTransaction()
  const [rows] = await conn.query<InvoiceRow[]>('SELECT * FROM invoices WHERE id = ? FOR UPDATE', [invoiceId])
  const invoice = rows[0]
  if (!invoice) {
    await conn.rollback()
    await taskService.handleBpmnError(task, 'INVOICE_NOT_FOUND', `invoice ${invoiceId} does not exist`)
    return
  }
  if (invoice.status === 'paid') {
    await conn.commit()
    conn.release()
    await taskService.complete(task, new Variables().set('charged', true))
    return
  }

  const res = await fetch(`${process.env.PSP_URL}/v1/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PSP_TOKEN}` },
    body: JSON.stringify({
      customer: invoice.customer_id,
      amount: invoice.amount_cents,
      currency: invoice.currency,
      idempotencyKey: `invoice-${invoice.id}`,
    }),
  })
  if (!res.ok) {
    await conn.rollback()
    conn.release()
    await taskService.handleFailure(task, {
      errorMessage: `PSP returned ${res.status}`,
      errorDetails: await res.text(),
      retries: Math.max((task.retries ?? 3) - 1, 0),
      retryTimeout: 60000,
    })
    return
  }
  const charge = (await res.json()) as { id: string }
  await conn.query('UPDATE invoices SET status = ?, charge_id = ? WHERE id = ?', ['paid', charge.id, invoice.id])
  await conn.commit()
  conn.release()
  await taskService.complete(task, new Variables().setAll({ charged: true, chargeId: charge.id }))
}
