/* global window */
(function (root) {
  function formatPrice(cents, currency) {
    const amount = (cents / 100).toFixed(2);
    return currency === 'EUR' ? `${amount.replace('.', ',')} €` : `$${amount}`;
  }

  function applyCoupon(cents, coupon) {
    if (!coupon) return cents;
    if (coupon.type === 'percent') return Math.round(cents * (1 - coupon.value / 100));
    return Math.max(0, cents - coupon.value);
  }

  root.price = { formatPrice, applyCoupon };
})(window);
