use mail_parser::MessageParser;
use reqwest::multipart::{Form, Part};
use sqlx::PgPool;

use crate::clients;

/// Runs once per unseen mail. Uses the shared pool and the shared HTTP client.
pub async fn file_invoice(pool: &PgPool, uid: u32, raw: &[u8]) -> anyhow::Result<()> {
    let msg = MessageParser::default().parse(raw).ok_or_else(|| anyhow::anyhow!("unparseable mail"))?;
    let from = msg.from().and_then(|a| a.first()).and_then(|a| a.address()).unwrap_or("").to_owned();
    let subject = msg.subject().unwrap_or("").to_owned();

    let mut tx = pool.begin().await?;
    let supplier: Option<i64> = sqlx::query_scalar("SELECT id FROM suppliers WHERE invoice_email = $1")
        .bind(&from)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(supplier) = supplier else {
        tx.rollback().await?;
        return Ok(());
    };

    for att in msg.attachments() {
        let name = att.attachment_name().unwrap_or("invoice.pdf").to_owned();
        let form = Form::new().part("file", Part::bytes(att.contents().to_vec()).file_name(name.clone()));
        let doc_id: String = clients::http()
            .post("https://docs.internal.example/api/documents")
            .multipart(form)
            .send()
            .await?
            .error_for_status()?
            .text()
            .await?;
        sqlx::query(
            "INSERT INTO inbound_invoices (supplier_id, imap_uid, subject, file_name, document_id)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (imap_uid) DO NOTHING",
        )
        .bind(supplier)
        .bind(uid as i64)
        .bind(&subject)
        .bind(&name)
        .bind(&doc_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
