use async_trait::async_trait;
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};
use backie::{BackgroundTask, CurrentTask};
use diesel::sql_types::{BigInt, Text};
use diesel::QueryableByName;
use diesel_async::pooled_connection::bb8::Pool;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};

/// Shared, cheaply clonable handles; built once in main.
#[derive(Clone)]
pub struct MailerContext {
    pub pool: Pool<AsyncPgConnection>,
    pub ses: aws_sdk_sesv2::Client,
    pub http: reqwest::Client,
    pub from: String,
}

#[derive(QueryableByName)]
struct Receipt {
    #[diesel(sql_type = Text)]
    email: String,
    #[diesel(sql_type = BigInt)]
    total_cents: i64,
}

#[derive(Serialize, Deserialize)]
pub struct SendReceipt {
    pub order_id: i64,
}

#[async_trait]
impl BackgroundTask for SendReceipt {
    const TASK_NAME: &'static str = "send_receipt";
    type AppData = MailerContext;
    type Error = anyhow::Error;

    async fn run(&self, task: CurrentTask, ctx: MailerContext) -> Result<(), Self::Error> {
        let mut conn = ctx.pool.get().await?;
        let receipt: Receipt = diesel::sql_query("SELECT email, total_cents FROM orders WHERE id = $1")
            .bind::<BigInt, _>(self.order_id)
            .get_result(&mut conn)
            .await?;

        let subject = Content::builder().data(format!("Your receipt for order #{}", self.order_id)).build()?;
        let text = Content::builder()
            .data(format!("Total charged: ${:.2}", receipt.total_cents as f64 / 100.0))
            .build()?;
        ctx.ses
            .send_email()
            .from_email_address(&ctx.from)
            .destination(Destination::builder().to_addresses(&receipt.email).build())
            .content(
                EmailContent::builder()
                    .simple(Message::builder().subject(subject).body(Body::builder().text(text).build()).build())
                    .build(),
            )
            .send()
            .await?;

        diesel::sql_query("UPDATE orders SET receipt_sent_at = now() WHERE id = $1")
            .bind::<BigInt, _>(self.order_id)
            .execute(&mut conn)
            .await?;
        log::info!("[{}] receipt sent for order {}", task.id(), self.order_id);
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
pub struct NotifyCrm {
    pub order_id: i64,
    pub customer_ref: String,
}

#[async_trait]
impl BackgroundTask for NotifyCrm {
    const TASK_NAME: &'static str = "notify_crm";
    type AppData = MailerContext;
    type Error = anyhow::Error;

    async fn run(&self, _task: CurrentTask, ctx: MailerContext) -> Result<(), Self::Error> {
        ctx.http
            .post("https://crm.example.com/api/v1/events")
            .json(&serde_json::json!({ "type": "order.receipted", "order": self.order_id, "customer": self.customer_ref }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
