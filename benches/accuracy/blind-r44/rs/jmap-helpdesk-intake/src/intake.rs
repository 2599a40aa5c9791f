use jmap_client::client::Client as JmapClient;
use jmap_client::core::query::Filter;
use jmap_client::email::{self, Property};
use sqlx::PgPool;
use tokio::sync::Mutex;
use tracing::info;

pub struct Intake {
    pub jmap: JmapClient,
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub inbox_id: String,
    pub slack_webhook: String,
    /// Two push events close together must not import the same mail twice.
    pub pass_lock: Mutex<()>,
}

impl Intake {
    /// Imports every Inbox message not yet tagged `$ticketed`.
    pub async fn run_pass(&self) -> anyhow::Result<()> {
        let _guard = self.pass_lock.lock().await;

        let ids = self
            .jmap
            .email_query(
                Filter::and([
                    email::query::Filter::in_mailbox(&self.inbox_id),
                    email::query::Filter::not_keyword("$ticketed"),
                ])
                .into(),
                [email::query::Comparator::received_at()].into(),
            )
            .await?
            .take_ids();

        for id in ids {
            let Some(mail) = self
                .jmap
                .email_get(&id, [Property::Subject, Property::From, Property::Preview].into())
                .await?
            else {
                continue;
            };

            let subject = mail.subject().unwrap_or("(no subject)").to_string();
            let requester = mail
                .from()
                .and_then(|f| f.first())
                .map(|a| a.email().to_string())
                .unwrap_or_default();
            let preview = mail.preview().unwrap_or_default().to_string();

            let mut tx = self.pool.begin().await?;
            let (ticket_id,): (i64,) = sqlx::query_as(
                "INSERT INTO tickets (source_message_id, subject, requester, body_preview, status)
                 VALUES ($1, $2, $3, $4, 'new')
                 ON CONFLICT (source_message_id) DO UPDATE SET subject = EXCLUDED.subject
                 RETURNING id",
            )
            .bind(&id)
            .bind(&subject)
            .bind(&requester)
            .bind(&preview)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO ticket_events (ticket_id, kind) VALUES ($1, 'created_from_mail')")
                .bind(ticket_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;

            self.jmap.email_set_keyword(&id, "$ticketed", true).await?;

            let _ = self
                .http
                .post(&self.slack_webhook)
                .json(&serde_json::json!({ "text": format!("New ticket #{}: {} ({})", ticket_id, subject, requester) }))
                .send()
                .await;
            info!(ticket_id, %requester, "ticket created from mail");
        }
        Ok(())
    }
}
