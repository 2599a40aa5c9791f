use base64::Engine;
use mysql_async::prelude::*;
use mysql_async::Pool;
use serde::Deserialize;

use crate::{audit, clients};

#[derive(Deserialize)]
struct InvoiceMessage {
    supplier_id: u64,
    invoice_no: String,
    total_cents: i64,
    currency: String,
    pdf_base64: Option<String>,
}

pub async fn handle_invoice(pool: &Pool, body: &[u8]) -> anyhow::Result<()> {
    let msg: InvoiceMessage = serde_json::from_slice(body)?;

    let mut conn = pool.get_conn().await?;
    "INSERT INTO invoices (supplier_id, invoice_no, total_cents, currency) VALUES (?, ?, ?, ?) \
     ON DUPLICATE KEY UPDATE total_cents = VALUES(total_cents)"
        .with((msg.supplier_id, &msg.invoice_no, msg.total_cents, &msg.currency))
        .ignore(&mut conn)
        .await?;
    drop(conn);

    if let Some(pdf) = &msg.pdf_base64 {
        let bytes = base64::engine::general_purpose::STANDARD.decode(pdf)?;
        let s3 = clients::s3().await;
        s3.put_object()
            .bucket("supplier-invoice-archive")
            .key(format!("{}/{}.pdf", msg.supplier_id, msg.invoice_no))
            .content_type("application/pdf")
            .body(bytes.into())
            .send()
            .await?;
    }

    audit::record(&msg.invoice_no, "ingested").await?;
    Ok(())
}
