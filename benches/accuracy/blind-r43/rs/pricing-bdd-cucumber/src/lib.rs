use sqlx::PgConnection;

/// Prices a cart, applying the best active percentage promotion per SKU, and
/// stores the quote on the cart. Works on whatever connection/transaction the
/// caller passes in.
pub async fn quote_cart(conn: &mut PgConnection, cart_id: i64) -> Result<i64, sqlx::Error> {
    let lines: Vec<(String, i64, i64)> =
        sqlx::query_as("SELECT sku, units, unit_cents FROM cart_lines WHERE cart_id = $1")
            .bind(cart_id)
            .fetch_all(&mut *conn)
            .await?;

    let mut total = 0i64;
    for (sku, units, unit_cents) in lines {
        let percent_off: Option<i32> = sqlx::query_scalar(
            "SELECT max(percent_off) FROM promotions WHERE sku = $1 AND active",
        )
        .bind(&sku)
        .fetch_one(&mut *conn)
        .await?;
        let gross = units * unit_cents;
        let discount = gross * i64::from(percent_off.unwrap_or(0)) / 100;
        total += gross - discount;
    }

    sqlx::query("UPDATE carts SET quoted_cents = $2 WHERE id = $1")
        .bind(cart_id)
        .bind(total)
        .execute(&mut *conn)
        .await?;
    Ok(total)
}
