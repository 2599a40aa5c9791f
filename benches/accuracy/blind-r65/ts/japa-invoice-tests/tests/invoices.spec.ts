import { test } from '@japa/runner'
import type pg from 'pg'
import { createInvoice, finalizeInvoice } from '../src/invoices.js'
import { testPool } from './helpers/db.js'

test.group('Invoices', (group) => {
  let client: pg.PoolClient

  // Every test runs inside its own transaction that is rolled back afterwards.
  group.each.setup(async () => {
    client = await testPool().connect()
    await client.query('BEGIN')
    return async () => {
      await client.query('ROLLBACK')
      client.release()
    }
  })

  test('computes the invoice total from its lines', async ({ assert }) => {
    const invoice = await createInvoice(client, 'cus_42', [
      { sku: 'PLAN-PRO', quantity: 1, unitCents: 4900 },
      { sku: 'SEAT', quantity: 3, unitCents: 900 },
    ])
    assert.equal(invoice.total, 7600)
  })

  test('refuses an invoice without lines', async ({ assert }) => {
    await assert.rejects(() => createInvoice(client, 'cus_42', []), 'an invoice needs at least one line')
  })

  test('finalizes a draft exactly once', async ({ assert }) => {
    const { id } = await createInvoice(client, 'cus_7', [{ sku: 'SEAT', quantity: 1, unitCents: 900 }])
    await finalizeInvoice(client, id)
    await assert.rejects(() => finalizeInvoice(client, id), `invoice ${id} is not a draft`)
  })
})
