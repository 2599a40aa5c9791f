use apalis::prelude::*;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::webhooks;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DigestJob {
    pub account_id: i64,
    pub week: String,
}

#[derive(sqlx::FromRow)]
struct Recipient {
    email: String,
    display_name: String,
    slack_webhook: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("smtp: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
    #[error("address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("webhook: {0}")]
    Webhook(#[from] reqwest::Error),
}

/// Runs once per queued digest (one job per account per week).
pub async fn send_digest(job: DigestJob, pool: Data<PgPool>) -> Result<(), DigestError> {
    let recipients: Vec<Recipient> = sqlx::query_as(
        "SELECT email, display_name, slack_webhook FROM digest_subscribers WHERE account_id = $1",
    )
    .bind(job.account_id)
    .fetch_all(&*pool)
    .await?;

    let (opened, clicked): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE opened), count(*) FILTER (WHERE clicked) \
         FROM campaign_events WHERE account_id = $1 AND iso_week = $2",
    )
    .bind(job.account_id)
    .bind(&job.week)
    .fetch_one(&*pool)
    .await?;

    let creds = Credentials::new(
        std::env::var("SMTP_USER").unwrap_or_default(),
        std::env::var("SMTP_PASSWORD").unwrap_or_default(),
    );
    let mailer = AsyncSmtpTransport::<Tokio1Executor>::relay("smtp.mailgun.org")?
        .credentials(creds)
        .build();

    for r in &recipients {
        let body = format!(
            "Hi {},\n\nIn week {} your campaigns were opened {} times and clicked {} times.\n",
            r.display_name, job.week, opened, clicked
        );
        let email = Message::builder()
            .from("Weekly Digest <digest@mailer.example.com>".parse()?)
            .to(format!("{} <{}>", r.display_name, r.email).parse()?)
            .subject(format!("Your digest for {}", job.week))
            .header(ContentType::TEXT_PLAIN)
            .body(body)?;
        mailer.send(email).await?;

        if let Some(hook) = &r.slack_webhook {
            webhooks::post_summary(hook, &job.week, opened, clicked).await?;
        }
    }

    sqlx::query("UPDATE digest_runs SET sent_at = now() WHERE account_id = $1 AND iso_week = $2")
        .bind(job.account_id)
        .bind(&job.week)
        .execute(&*pool)
        .await?;
    Ok(())
}
