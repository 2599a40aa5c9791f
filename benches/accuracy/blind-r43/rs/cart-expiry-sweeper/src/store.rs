use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
};

/// Inventory schema access (stock holds).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.max_connections(10)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    Database::connect(opts).await
}

pub async fn release_holds(db: &DatabaseConnection, cart_id: &str) -> Result<u64, DbErr> {
    let result = db
        .execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE stock_holds SET released_at = now() WHERE cart_id = $1 AND released_at IS NULL",
            [cart_id.into()],
        ))
        .await?;
    Ok(result.rows_affected())
}
