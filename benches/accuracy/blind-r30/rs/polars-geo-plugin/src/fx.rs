use std::collections::HashMap;
use std::sync::LazyLock;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

static FX_POOL: LazyLock<r2d2::Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let dsn = std::env::var("WAREHOUSE_DSN").expect("WAREHOUSE_DSN");
    let manager = PostgresConnectionManager::new(dsn.parse().expect("WAREHOUSE_DSN"), NoTls);
    r2d2::Pool::new(manager).expect("fx pool")
});

pub fn latest_rates() -> Result<HashMap<String, f64>, r2d2_postgres::postgres::Error> {
    let mut conn = FX_POOL.get().expect("fx connection");
    let rows = conn.query(
        "SELECT DISTINCT ON (currency) currency, eur_rate FROM fx_rates ORDER BY currency, as_of DESC",
        &[],
    )?;
    Ok(rows.into_iter().map(|r| (r.get(0), r.get(1))).collect())
}
