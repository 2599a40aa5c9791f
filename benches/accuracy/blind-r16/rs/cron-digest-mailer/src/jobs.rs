use std::sync::Arc;

use futures::TryStreamExt;
use mongodb::bson::{doc, Document};
use serde::Deserialize;

use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};

use crate::clients::TenantClusters;

pub struct Ctx {
    pub control: mongodb::Client,
    pub tenants: TenantClusters,
    pub ses: aws_sdk_sesv2::Client,
    pub from: String,
}

#[derive(Deserialize)]
struct Tenant {
    #[serde(rename = "_id")]
    id: String,
    digest_to: Vec<String>,
    dedicated_uri: Option<String>,
}

async fn send(ctx: &Ctx, to: &[String], subject: &str, text: String) -> anyhow::Result<()> {
    ctx.ses
        .send_email()
        .from_email_address(&ctx.from)
        .destination(Destination::builder().set_to_addresses(Some(to.to_vec())).build())
        .content(
            EmailContent::builder()
                .simple(
                    Message::builder()
                        .subject(Content::builder().data(subject).build()?)
                        .body(Body::builder().text(Content::builder().data(text).build()?).build())
                        .build(),
                )
                .build(),
        )
        .send()
        .await?;
    Ok(())
}

async fn tenants(ctx: &Ctx) -> anyhow::Result<Vec<Tenant>> {
    let coll = ctx.control.database("control").collection::<Tenant>("tenants");
    Ok(coll.find(doc! { "active": true }).await?.try_collect().await?)
}

/// 07:00 every day: open-ticket digest per tenant.
pub async fn daily_digest(ctx: Arc<Ctx>) -> anyhow::Result<()> {
    for t in tenants(&ctx).await? {
        let client = ctx.tenants.for_tenant(&t.id, t.dedicated_uri.as_deref()).await?;
        let tickets = client.database(&format!("t_{}", t.id)).collection::<Document>("tickets");
        let open = tickets.count_documents(doc! { "status": "open" }).await?;
        let breached = tickets.count_documents(doc! { "status": "open", "sla_breached": true }).await?;
        let text = format!("Open tickets: {open}\nSLA breached: {breached}\n");
        send(&ctx, &t.digest_to, "Your daily support digest", text).await?;
    }
    Ok(())
}

/// Every hour at :15: nudge assignees of tickets idle for 48h.
pub async fn idle_nudges(ctx: Arc<Ctx>) -> anyhow::Result<()> {
    let cutoff = mongodb::bson::DateTime::from_millis(
        chrono::Utc::now().timestamp_millis() - 48 * 3600 * 1000,
    );
    for t in tenants(&ctx).await? {
        let client = ctx.tenants.for_tenant(&t.id, t.dedicated_uri.as_deref()).await?;
        let tickets = client.database(&format!("t_{}", t.id)).collection::<Document>("tickets");
        let mut cur = tickets.find(doc! { "status": "open", "updated_at": { "$lt": cutoff } }).await?;
        while let Some(ticket) = cur.try_next().await? {
            if let Ok(assignee) = ticket.get_str("assignee_email") {
                let subject = format!("Ticket {} is waiting on you", ticket.get_str("ref").unwrap_or("?"));
                send(&ctx, &[assignee.to_string()], &subject, "Please update the ticket.".into()).await?;
            }
        }
    }
    Ok(())
}
