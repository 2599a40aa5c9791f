/* global describe, it, expect, window */
describe('price', () => {
  const { formatPrice, applyCoupon } = window.price;

  it('formats dollars', () => {
    expect(formatPrice(1999, 'USD')).toBe('$19.99');
  });

  it('formats euros with a comma', () => {
    expect(formatPrice(1999, 'EUR')).toBe('19,99 €');
  });

  it('applies percent coupons', () => {
    expect(applyCoupon(10000, { type: 'percent', value: 15 })).toBe(8500);
  });

  it('never goes below zero', () => {
    expect(applyCoupon(500, { type: 'fixed', value: 800 })).toBe(0);
  });
});
