//! Read API for the security dashboard.

use authlog_pipeline::{db, FailedLogin, Offender};
use rwf::http::Server;
use rwf::prelude::*;
use sqlx::PgPool;

/// Controllers are constructed once when the routes are registered and hold
/// a clone of the process-wide pool.
struct HostFailures {
    pool: PgPool,
}

#[async_trait]
impl Controller for HostFailures {
    async fn handle(&self, request: &Request) -> Result<Response, Error> {
        let host: String = request
            .parameter("host")?
            .ok_or_else(|| Error::new(std::io::Error::other("missing host")))?;
        let rows: Vec<FailedLogin> = sqlx::query_as(
            "SELECT host, username, host(source_ip) AS source_ip, seen_at FROM failed_logins \
             WHERE host = $1 ORDER BY seen_at DESC LIMIT 200",
        )
        .bind(&host)
        .fetch_all(&self.pool)
        .await
        .map_err(Error::new)?;
        Ok(Response::new().json(rows)?)
    }
}

struct TopOffenders {
    pool: PgPool,
}

#[async_trait]
impl Controller for TopOffenders {
    async fn handle(&self, _request: &Request) -> Result<Response, Error> {
        let rows: Vec<Offender> = sqlx::query_as(
            "SELECT host(source_ip) AS source_ip, count(*) AS attempts, max(seen_at) AS last_seen \
             FROM failed_logins WHERE seen_at > now() - interval '24 hours' \
             GROUP BY source_ip ORDER BY attempts DESC LIMIT 50",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(Error::new)?;
        Ok(Response::new().json(rows)?)
    }
}

struct Health {
    pool: PgPool,
}

#[async_trait]
impl Controller for Health {
    async fn handle(&self, _request: &Request) -> Result<Response, Error> {
        match sqlx::query("SELECT 1").execute(&self.pool).await {
            Ok(_) => Ok(Response::new().text("ok")),
            Err(e) => Ok(Response::new().code(503).text(e.to_string())),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let url = std::env::var("DATABASE_URL")?;
    let pool = db::make_pool(&url, 10).await?;

    Server::new(vec![
        HostFailures { pool: pool.clone() }.route("/api/hosts/:host/failed-logins"),
        TopOffenders { pool: pool.clone() }.route("/api/offenders"),
        Health { pool }.route("/healthz"),
    ])
    .launch()
    .await?;
    Ok(())
}
