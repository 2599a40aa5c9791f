use crate::{fx, pool, PricingError};

/// Net unit price for `quantity` units of `sku` in `currency` minor units.
pub(crate) fn quote(sku: &str, quantity: i32, tier: &str, currency: &str) -> Result<i64, PricingError> {
    // Borrowed from the shared pool for this call only; returned on drop.
    let mut conn = pool()?.get()?;

    let row = conn.query_opt(
        "SELECT p.list_price_eur_cents, coalesce(t.discount_pct, 0)::float8 \
         FROM prices p LEFT JOIN tier_discounts t ON t.tier = $2 AND t.category = p.category \
         WHERE p.sku = $1",
        &[&sku, &tier],
    )?;
    let Some(row) = row else {
        return Err(PricingError::UnknownSku(sku.to_string()));
    };
    let list_eur_cents: i64 = row.get(0);
    let tier_discount: f64 = row.get(1);

    let volume_discount: f64 = conn
        .query_opt(
            "SELECT discount_pct::float8 FROM volume_breaks \
             WHERE sku = $1 AND min_qty <= $2 ORDER BY min_qty DESC LIMIT 1",
            &[&sku, &quantity],
        )?
        .map(|r| r.get(0))
        .unwrap_or(0.0);
    drop(conn);

    let net_eur = list_eur_cents as f64 * (1.0 - tier_discount / 100.0) * (1.0 - volume_discount / 100.0);
    let rate = fx::rate("EUR", currency)?;
    Ok((net_eur * rate).round() as i64)
}
