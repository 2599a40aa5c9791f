use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgSslMode};
use sqlx::QueryBuilder;

use crate::access::AccessLine;
use crate::Settings;

/// Supabase transaction pooler (Supavisor), port 6543.
pub async fn connect(settings: &Settings) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(4)
        .connect_with(
            PgConnectOptions::new()
                .host(&settings.db_host)
                .port(6543)
                .username(&settings.db_user)
                .password(&settings.db_password)
                .database("postgres")
                .ssl_mode(PgSslMode::Require),
        )
        .await
}

pub async fn insert_batch(pool: &PgPool, edge: &str, batch: &mut Vec<AccessLine>) -> Result<(), sqlx::Error> {
    let mut qb = QueryBuilder::new(
        "INSERT INTO edge_requests (edge, remote, at, method, path, status, bytes, request_time_ms) ",
    );
    qb.push_values(batch.iter(), |mut row, e| {
        row.push_bind(edge)
            .push_bind(&e.remote)
            .push_bind(e.at)
            .push_bind(&e.method)
            .push_bind(&e.path)
            .push_bind(e.status)
            .push_bind(e.bytes)
            .push_bind(e.request_time_ms);
    });
    qb.build().execute(pool).await?;
    batch.clear();
    Ok(())
}
