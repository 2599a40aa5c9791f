mod clients;

use anyhow::Context;
use rusoto_s3::{PutObjectRequest, S3};
use rusoto_sqs::{DeleteMessageRequest, Message, ReceiveMessageRequest, Sqs};
use serde::Deserialize;

use clients::Clients;

#[derive(Deserialize)]
struct InvoiceFinished {
    invoice_id: i64,
    tenant: String,
}

async fn handle(c: &Clients, msg: &Message) -> anyhow::Result<()> {
    let body = msg.body.as_deref().context("empty message")?;
    let ev: InvoiceFinished = serde_json::from_str(body)?;

    let mut conn = c.pg.get().await?;
    let tx = conn.transaction().await?;
    let row = tx
        .query_opt(
            "SELECT number, rendered_pdf FROM invoices WHERE id = $1 AND archived_at IS NULL FOR UPDATE",
            &[&ev.invoice_id],
        )
        .await?;
    let Some(row) = row else {
        log::info!("invoice {} already archived", ev.invoice_id);
        return Ok(()); // tx rolls back and conn goes back to the pool on drop
    };
    let number: String = row.get(0);
    let pdf: Vec<u8> = row.get(1);

    let key = format!("{}/invoices/{number}.pdf", ev.tenant);
    c.s3
        .put_object(PutObjectRequest {
            bucket: std::env::var("ARCHIVE_BUCKET").unwrap_or_else(|_| "invoice-archive".into()),
            key: key.clone(),
            body: Some(pdf.into()),
            content_type: Some("application/pdf".into()),
            ..Default::default()
        })
        .await?;

    tx.execute("UPDATE invoices SET archived_at = now(), archive_key = $2 WHERE id = $1", &[&ev.invoice_id, &key])
        .await?;
    tx.commit().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();
    let queue_url = std::env::var("QUEUE_URL").context("QUEUE_URL")?;
    let clients = Clients::from_env()?;

    loop {
        let received = tokio::select! {
            r = clients.sqs.receive_message(ReceiveMessageRequest {
                queue_url: queue_url.clone(),
                max_number_of_messages: Some(10),
                wait_time_seconds: Some(20),
                ..Default::default()
            }) => r,
            _ = tokio::signal::ctrl_c() => break,
        };
        let messages = match received {
            Ok(out) => out.messages.unwrap_or_default(),
            Err(err) => {
                log::warn!("receive_message failed: {err}");
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                continue;
            }
        };

        for msg in &messages {
            match handle(&clients, msg).await {
                Ok(()) => {
                    clients
                        .sqs
                        .delete_message(DeleteMessageRequest {
                            queue_url: queue_url.clone(),
                            receipt_handle: msg.receipt_handle.clone().unwrap_or_default(),
                        })
                        .await?;
                }
                Err(err) => log::error!("message {:?} failed, leaving it for redrive: {err:#}", msg.message_id),
            }
        }
    }
    log::info!("shutting down");
    Ok(())
}
