//! Long-lived handles shared by every button handler. Built once in main.

use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

#[derive(Clone)]
pub struct Services {
    pub db: PgPool,
    pub http: reqwest::blocking::Client,
    pub notify_url: String,
    pub desk: String,
}

impl Services {
    pub fn connect() -> Result<Services, Box<dyn std::error::Error>> {
        let database_url = std::env::var("DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
        let db = Pool::builder()
            .max_size(3)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        Ok(Services {
            db,
            http,
            notify_url: std::env::var("HOST_NOTIFY_URL")?,
            desk: std::env::var("DESK_NAME").unwrap_or_else(|_| "Lobby".into()),
        })
    }
}

/// Looks up today's expected visitors by name; runs on a worker thread.
pub fn find_expected(svc: &Services, name: &str) -> Result<Vec<(i64, String, String)>, Box<dyn std::error::Error>> {
    let mut conn = svc.db.get()?;
    let rows = conn.query(
        "SELECT v.id, v.full_name, h.email FROM visits v JOIN hosts h ON h.id = v.host_id \
         WHERE v.expected_on = current_date AND v.checked_in_at IS NULL AND v.full_name ILIKE $1 \
         ORDER BY v.full_name LIMIT 5",
        &[&format!("%{name}%")],
    )?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect())
}
