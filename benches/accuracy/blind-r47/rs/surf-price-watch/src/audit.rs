//! surf middleware: every outbound call to a competitor site is recorded so
//! legal can show we respect their rate limits. `handle` runs once per
//! outbound request; it only borrows a connection from the shared pool.

use std::time::Instant;

use sqlx::PgPool;
use surf::middleware::{Middleware, Next};
use surf::{Client, Request, Response};

pub struct CrawlAudit {
    pool: PgPool,
}

impl CrawlAudit {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[surf::utils::async_trait]
impl Middleware for CrawlAudit {
    async fn handle(&self, req: Request, client: Client, next: Next<'_>) -> surf::Result<Response> {
        let host = req.url().host_str().unwrap_or_default().to_string();
        let path = req.url().path().to_string();
        let started = Instant::now();
        let res = next.run(req, client).await?;

        let elapsed_ms = started.elapsed().as_millis() as i64;
        let status = u16::from(res.status()) as i32;
        match self.pool.acquire().await {
            Ok(mut conn) => {
                let logged = sqlx::query(
                    "INSERT INTO crawl_audit (host, path, status, elapsed_ms, at) VALUES ($1, $2, $3, $4, now())",
                )
                .bind(&host)
                .bind(&path)
                .bind(status)
                .bind(elapsed_ms)
                .execute(&mut *conn)
                .await;
                if let Err(e) = logged {
                    eprintln!("crawl audit insert failed: {e}");
                }
            }
            Err(e) => eprintln!("crawl audit: no connection: {e}"),
        }
        Ok(res)
    }
}
