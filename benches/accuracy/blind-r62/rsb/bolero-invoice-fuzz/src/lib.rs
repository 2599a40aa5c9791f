//! Invoice arithmetic (integer cents, basis points) and persistence.

use postgres::Transaction;

#[derive(Debug, Clone)]
pub struct LineItem {
    pub sku: String,
    pub qty: u32,
    pub unit_cents: i64,
    /// VAT rate in basis points (2000 = 20 %).
    pub tax_bp: u16,
}

#[derive(Debug, Clone)]
pub struct Invoice {
    pub customer_id: i64,
    pub lines: Vec<LineItem>,
    /// Whole-invoice discount in basis points, applied before tax.
    pub discount_bp: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub subtotal_cents: i64,
    pub discount_cents: i64,
    pub tax_cents: i64,
    pub total_cents: i64,
}

/// Rounds half away from zero, like the accounting system does.
fn apply_bp(amount: i64, bp: u16) -> i64 {
    let scaled = amount * i64::from(bp);
    (scaled + 5_000 * scaled.signum()) / 10_000
}

pub fn totals(inv: &Invoice) -> Totals {
    let bp = inv.discount_bp.min(10_000);
    let mut subtotal = 0;
    let mut discount = 0;
    let mut tax = 0;
    for l in &inv.lines {
        let net = i64::from(l.qty) * l.unit_cents;
        let line_discount = apply_bp(net, bp);
        subtotal += net;
        discount += line_discount;
        tax += apply_bp(net - line_discount, l.tax_bp);
    }
    Totals {
        subtotal_cents: subtotal,
        discount_cents: discount,
        tax_cents: tax,
        total_cents: subtotal - discount + tax,
    }
}

/// Inserts the invoice and its lines inside the caller's transaction.
pub fn persist_invoice(tx: &mut Transaction<'_>, inv: &Invoice) -> Result<i64, postgres::Error> {
    let t = totals(inv);
    let id: i64 = tx
        .query_one(
            "INSERT INTO invoices (customer_id, subtotal_cents, discount_cents, tax_cents, total_cents) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&inv.customer_id, &t.subtotal_cents, &t.discount_cents, &t.tax_cents, &t.total_cents],
        )?
        .get(0);
    let stmt = tx.prepare(
        "INSERT INTO invoice_lines (invoice_id, line_no, sku, qty, unit_cents, tax_bp) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )?;
    for (n, l) in inv.lines.iter().enumerate() {
        tx.execute(
            &stmt,
            &[&id, &(n as i32), &l.sku, &i64::from(l.qty), &l.unit_cents, &i32::from(l.tax_bp)],
        )?;
    }
    Ok(id)
}
