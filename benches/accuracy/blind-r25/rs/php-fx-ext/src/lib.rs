//! `fx_ext` — loaded via `extension=fx_ext.so` in php.ini.
//!
//! Each `#[php_function]` is called from Laravel code during a PHP-FPM
//! request. Shared state lives in process-wide statics that are initialised
//! lazily on first use, i.e. once per FPM worker *after* the fork, so no
//! socket is ever inherited from the master process.

use std::sync::LazyLock;

use ext_php_rs::prelude::*;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

mod rates;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static BILLING_DB: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("BILLING_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://billing@127.0.0.1:5432/billing".to_string());
    let config: postgres::Config = url.parse().expect("BILLING_DATABASE_URL");
    Pool::builder()
        .max_size(4)
        .min_idle(Some(0))
        .build_unchecked(PostgresConnectionManager::new(config, NoTls))
});

fn php_err<E: std::fmt::Display>(e: E) -> PhpException {
    PhpException::default(e.to_string())
}

/// `fx_convert(int $amountMinor, string $from, string $to): int`
#[php_function]
pub fn fx_convert(amount_minor: i64, from: String, to: String) -> PhpResult<i64> {
    if from == to {
        return Ok(amount_minor);
    }
    let rate = rates::mid_rate(&from, &to).map_err(php_err)?;
    Ok((amount_minor as f64 * rate).round() as i64)
}

/// `fx_convert_and_audit(string $invoiceRef, int $amountMinor, string $from, string $to): int`
#[php_function]
pub fn fx_convert_and_audit(
    invoice_ref: String,
    amount_minor: i64,
    from: String,
    to: String,
) -> PhpResult<i64> {
    let rate = rates::mid_rate(&from, &to).map_err(php_err)?;
    let converted = (amount_minor as f64 * rate).round() as i64;

    let mut conn = BILLING_DB.get().map_err(php_err)?;
    let mut tx = conn.transaction().map_err(php_err)?;
    tx.execute(
        "INSERT INTO fx_audit (invoice_ref, from_ccy, to_ccy, rate, amount_minor, converted_minor) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&invoice_ref, &from, &to, &rate, &amount_minor, &converted],
    )
    .map_err(php_err)?;
    tx.execute(
        "UPDATE invoices SET settled_minor = $2, settled_ccy = $3 WHERE ref = $1",
        &[&invoice_ref, &converted, &to],
    )
    .map_err(php_err)?;
    tx.commit().map_err(php_err)?;

    Ok(converted)
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    module
}
