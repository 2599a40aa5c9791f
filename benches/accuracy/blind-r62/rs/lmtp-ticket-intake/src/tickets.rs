use std::time::Duration;

use mail_parser::Message;
use sqlx::postgres::{PgPool, PgPoolOptions};

#[derive(Clone)]
pub struct TicketStore {
    pool: PgPool,
}

impl TicketStore {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(TicketStore { pool })
    }

    /// Opens a ticket in `queue` for the mail and stores its text body.
    pub async fn open(&self, queue: &str, msg: &Message<'_>) -> Result<i64, sqlx::Error> {
        let sender = msg
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or("unknown@invalid")
            .to_lowercase();
        let mut tx = self.pool.begin().await?;
        let ticket_id: i64 = sqlx::query_scalar(
            "INSERT INTO tickets (queue, requester, subject, status, created_at) \
             VALUES ($1, $2, $3, 'new', now()) RETURNING id",
        )
        .bind(queue)
        .bind(&sender)
        .bind(msg.subject().unwrap_or("(no subject)"))
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO ticket_messages (ticket_id, message_id, body) VALUES ($1, $2, $3)")
            .bind(ticket_id)
            .bind(msg.message_id())
            .bind(msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(ticket_id)
    }
}
