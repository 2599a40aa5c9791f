describe('formatPrice', () => {
  it('formats euro amounts', () => {
    expect(window.formatPrice(1999, 'EUR')).toBe('€19.99');
  });

  it('formats zero', () => {
    expect(window.formatPrice(0, 'USD')).toBe('$0.00');
  });
});
