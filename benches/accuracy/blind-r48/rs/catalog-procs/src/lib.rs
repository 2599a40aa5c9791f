pub mod db {
    use std::thread;
    use std::time::Duration;

    use r2d2_postgres::postgres::NoTls;
    use r2d2_postgres::PostgresConnectionManager;

    pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

    /// Builds the process-wide pool. Each binary calls this exactly once from
    /// `main`; the database may still be starting when the dyno boots, so the
    /// first connection is retried a few times.
    pub fn make_pool(max_size: u32) -> Result<PgPool, r2d2::Error> {
        let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://catalog@localhost/catalog".to_string());
        let config: r2d2_postgres::postgres::Config = url.parse().expect("DATABASE_URL must be a valid postgres url");
        let mut attempt = 0;
        loop {
            attempt += 1;
            match r2d2::Pool::builder()
                .max_size(max_size)
                .connection_timeout(Duration::from_secs(5))
                .build(PostgresConnectionManager::new(config.clone(), NoTls))
            {
                Ok(pool) => return Ok(pool),
                Err(err) if attempt < 6 => {
                    eprintln!("db not ready (attempt {attempt}): {err}");
                    thread::sleep(Duration::from_secs(attempt));
                }
                Err(err) => return Err(err),
            }
        }
    }
}

pub mod model {
    use serde::Serialize;

    #[derive(Debug, Serialize)]
    pub struct Product {
        pub id: i64,
        pub sku: String,
        pub title: String,
        pub description: String,
        pub price_cents: i64,
    }

    impl Product {
        pub fn from_row(row: &postgres::Row) -> Self {
            Self {
                id: row.get("id"),
                sku: row.get("sku"),
                title: row.get("title"),
                description: row.get("description"),
                price_cents: row.get("price_cents"),
            }
        }
    }
}
