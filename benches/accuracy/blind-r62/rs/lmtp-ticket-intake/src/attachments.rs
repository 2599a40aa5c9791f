use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use mail_parser::{Message, MimeHeaders};
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct AttachmentStore {
    pool: PgPool,
    bucket: String,
}

impl AttachmentStore {
    pub async fn connect(url: &str, bucket: String) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(4).connect(url).await?;
        Ok(AttachmentStore { pool, bucket })
    }

    /// Uploads every attachment of the mail and links it to the ticket.
    pub async fn store_all(&self, ticket_id: i64, msg: &Message<'_>) -> anyhow::Result<usize> {
        let parts: Vec<_> = msg.attachments().collect();
        if parts.is_empty() {
            return Ok(0);
        }
        let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
        let s3 = aws_sdk_s3::Client::new(&conf);

        let mut stored = 0;
        for part in parts {
            let name = part.attachment_name().unwrap_or("attachment.bin").to_string();
            let content_type = part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_string(),
                })
                .unwrap_or_else(|| "application/octet-stream".into());
            let key = format!("tickets/{ticket_id}/{}-{name}", uuid::Uuid::new_v4());
            let bytes = part.contents().to_vec();
            let size = bytes.len() as i64;

            s3.put_object()
                .bucket(&self.bucket)
                .key(&key)
                .content_type(&content_type)
                .body(ByteStream::from(bytes))
                .send()
                .await?;

            sqlx::query(
                "INSERT INTO ticket_attachments (ticket_id, filename, content_type, s3_key, size_bytes) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(ticket_id)
            .bind(&name)
            .bind(&content_type)
            .bind(&key)
            .bind(size)
            .execute(&self.pool)
            .await?;
            stored += 1;
        }
        Ok(stored)
    }
}
