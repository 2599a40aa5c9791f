import Decimal from 'decimal.js';

export function prorate(amount, daysUsed, daysInPeriod) {
  if (daysInPeriod <= 0) throw new RangeError('daysInPeriod must be positive');
  const used = Math.min(Math.max(daysUsed, 0), daysInPeriod);
  return new Decimal(amount).mul(used).div(daysInPeriod).toDecimalPlaces(2).toNumber();
}
