export function invoiceTotal(lines, taxRate) {
  const net = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  return Math.round(net * (1 + taxRate) * 100) / 100;
}
