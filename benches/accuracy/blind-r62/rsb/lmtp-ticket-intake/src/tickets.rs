use std::time::Duration;

use anyhow::{anyhow, Result};
use deadpool_postgres::Pool;
use mail_parser::{MessageParser, MimeHeaders};

pub struct Mailbox {
    pub queue_id: i32,
    pub address: String,
}

/// Built once in main and shared by every LMTP session.
pub struct Intake {
    pub pool: Pool,
    pub files: Files,
}

impl Intake {
    /// RCPT TO: is this one of our intake addresses?
    pub async fn mailbox(&self, address: &str) -> Result<Option<Mailbox>> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT queue_id FROM intake_addresses WHERE address = $1 AND enabled",
                &[&address],
            )
            .await?;
        Ok(row.map(|r| Mailbox { queue_id: r.get(0), address: address.to_string() }))
    }

    /// Stores one message for one recipient mailbox; returns the ticket id.
    pub async fn deliver(&self, mb: &Mailbox, envelope_from: &str, raw: &[u8]) -> Result<i64> {
        let msg = MessageParser::default()
            .parse(raw)
            .ok_or_else(|| anyhow!("unparseable message"))?;
        let subject = msg.subject().unwrap_or("(no subject)").to_string();
        let sender = msg
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or(envelope_from)
            .to_lowercase();
        let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
        let message_id = msg.message_id().map(str::to_string);

        let mut client = self.pool.get().await?;

        // Postfix retried after a timeout on our side: already stored, nothing to do.
        if let Some(mid) = &message_id {
            if let Some(row) = client
                .query_opt(
                    "SELECT m.ticket_id FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id \
                     WHERE m.message_id = $1 AND t.queue_id = $2",
                    &[mid, &mb.queue_id],
                )
                .await?
            {
                return Ok(row.get(0));
            }
        }

        let tx = client.transaction().await?;
        let ticket_id: i64 = match reply_to_ticket(&subject) {
            Some(id) => id,
            None => tx
                .query_one(
                    "INSERT INTO tickets (queue_id, subject, requester) VALUES ($1, $2, $3) RETURNING id",
                    &[&mb.queue_id, &subject, &sender],
                )
                .await?
                .get(0),
        };
        let msg_row: i64 = tx
            .query_one(
                "INSERT INTO ticket_messages (ticket_id, message_id, sender, body) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
                &[&ticket_id, &message_id, &sender, &body],
            )
            .await?
            .get(0);
        for part in msg.attachments() {
            let name = part.attachment_name().unwrap_or("attachment.bin").to_string();
            let key = self.files.upload(&name, part.contents()).await?;
            tx.execute(
                "INSERT INTO ticket_attachments (message_row_id, filename, file_key) VALUES ($1, $2, $3)",
                &[&msg_row, &name, &key],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(ticket_id)
    }
}

/// "Re: [#12345] printer on fire" -> Some(12345)
fn reply_to_ticket(subject: &str) -> Option<i64> {
    let start = subject.find("[#")? + 2;
    let end = start + subject[start..].find(']')?;
    subject[start..end].parse().ok()
}

/// Client for the internal files API (attachments). One per process.
pub struct Files {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Files {
    pub fn new(base: String, token: String) -> Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(Self { http, base, token })
    }

    pub async fn upload(&self, name: &str, bytes: &[u8]) -> Result<String> {
        let resp: serde_json::Value = self
            .http
            .post(format!("{}/v1/files", self.base))
            .bearer_auth(&self.token)
            .query(&[("name", name)])
            .body(bytes.to_vec())
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        resp["key"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow!("files API returned no key"))
    }
}
