use rocket::fairing::AdHoc;
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Append-only audit trail (lives in the `audit` schema of the main database).
pub struct AuditLog {
    pool: PgPool,
}

impl AuditLog {
    pub async fn record(&self, actor: &str, action: &str, entity_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO audit.events (actor, action, entity_id, at) VALUES ($1, $2, $3, now())")
            .bind(actor)
            .bind(action)
            .bind(entity_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

pub fn stage() -> AdHoc {
    AdHoc::try_on_ignite("Audit log", |rocket| async {
        let url = std::env::var("DATABASE_URL").unwrap_or_default();
        let pool = match PgPoolOptions::new().max_connections(4).connect(&url).await {
            Ok(pool) => pool,
            Err(err) => {
                eprintln!("audit log: {err}");
                return Err(rocket);
            }
        };
        Ok(rocket.manage(AuditLog { pool }))
    })
}
