use std::sync::LazyLock;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// One small pool for the whole editor session.
pub static POOL: LazyLock<Pool> = LazyLock::new(|| {
    let cfg = crate::config::get();
    let manager = PostgresConnectionManager::new(cfg.database_url.parse().expect("TICKETS_DATABASE_URL"), NoTls);
    r2d2::Pool::builder().max_size(3).build_unchecked(manager)
});
