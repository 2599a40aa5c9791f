use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use sidekiq::{RedisPool, Worker, WorkerOpts};
use sqlx::PgPool;

fn job_err(e: impl std::fmt::Display) -> sidekiq::Error {
    sidekiq::Error::Message(e.to_string())
}

#[derive(Debug, Serialize, Deserialize)]
pub struct MonthlyArgs {
    pub account_id: i64,
    pub month: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EmailArgs {
    pub report_id: i64,
}

/// Aggregates one account's month and stores the result; enqueues the email.
#[derive(Clone)]
pub struct MonthlyReportWorker {
    db: PgPool,
    redis: RedisPool,
}

impl MonthlyReportWorker {
    pub fn new(db: PgPool, redis: RedisPool) -> Self {
        Self { db, redis }
    }
}

#[async_trait]
impl Worker<MonthlyArgs> for MonthlyReportWorker {
    fn opts() -> WorkerOpts<MonthlyArgs, Self> {
        WorkerOpts::new().queue("reports").retry(5usize)
    }

    async fn perform(&self, args: MonthlyArgs) -> sidekiq::Result<()> {
        let mut tx = self.db.begin().await.map_err(job_err)?;

        let total: i64 = sqlx::query_scalar(
            "SELECT COALESCE(SUM(amount_cents), 0)::int8 FROM invoices \
             WHERE account_id = $1 AND to_char(issued_at, 'YYYY-MM') = $2",
        )
        .bind(args.account_id)
        .bind(&args.month)
        .fetch_one(&mut *tx)
        .await
        .map_err(job_err)?;

        let report_id: i64 = sqlx::query_scalar(
            "INSERT INTO monthly_reports (account_id, month, total_cents) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id, month) DO UPDATE SET total_cents = EXCLUDED.total_cents \
             RETURNING id",
        )
        .bind(args.account_id)
        .bind(&args.month)
        .bind(total)
        .fetch_one(&mut *tx)
        .await
        .map_err(job_err)?;

        tx.commit().await.map_err(job_err)?;

        ReportEmailWorker::perform_async(&self.redis, EmailArgs { report_id }).await?;
        Ok(())
    }
}

/// Marks the report as ready to mail; the mailer service picks it up from there.
#[derive(Clone)]
pub struct ReportEmailWorker {
    db: PgPool,
}

impl ReportEmailWorker {
    pub fn new(db: PgPool) -> Self {
        Self { db }
    }
}

#[async_trait]
impl Worker<EmailArgs> for ReportEmailWorker {
    fn opts() -> WorkerOpts<EmailArgs, Self> {
        WorkerOpts::new().queue("reports")
    }

    async fn perform(&self, args: EmailArgs) -> sidekiq::Result<()> {
        let mut conn = self.db.acquire().await.map_err(job_err)?;
        sqlx::query("UPDATE monthly_reports SET mail_state = 'queued' WHERE id = $1")
            .bind(args.report_id)
            .execute(&mut *conn)
            .await
            .map_err(job_err)?;
        Ok(())
    }
}
