use std::collections::HashMap;
use std::sync::LazyLock;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

// Warehouse connection used to persist geocoder results for later runs.
static GEO_POOL: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("WAREHOUSE_DSN").expect("WAREHOUSE_DSN");
    let manager = PostgresConnectionManager::new(url.parse().expect("WAREHOUSE_DSN"), NoTls);
    r2d2::Pool::builder()
        .max_size(4)
        .build(manager)
        .expect("geo pool")
});

pub fn remember(lookup: &HashMap<String, String>) {
    let Ok(mut conn) = GEO_POOL.get() else { return };
    for (postcode, region) in lookup {
        let _ = conn.execute(
            "INSERT INTO geo_cache (postcode, region) VALUES ($1, $2) ON CONFLICT (postcode) DO NOTHING",
            &[postcode, region],
        );
    }
}
