use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

/// Opens a sea-orm connection (an sqlx pool under the hood) for the catalogue DB.
pub async fn connect() -> Result<DatabaseConnection, DbErr> {
    let url = std::env::var("CATALOG_DATABASE_URL").expect("CATALOG_DATABASE_URL");
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(10)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    Database::connect(opts).await
}
