import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { invoiceTotal } from '../src/totals.mjs';

describe('invoiceTotal', () => {
  it('adds tax', () => {
    assert.equal(invoiceTotal([{ quantity: 2, unitPrice: 10 }], 0.2), 24);
  });
  it('is zero for an empty invoice', () => {
    assert.equal(invoiceTotal([], 0.2), 0);
  });
});
