//! Mapping a parsed mail onto a helpdesk ticket.

use mail_parser::Message;
use postgres::Client;

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Priority {
    Normal,
    Urgent,
}

pub struct IncomingMail {
    pub message_id: String,
    pub in_reply_to: Option<String>,
    pub from: String,
    pub subject: String,
    pub body: String,
    pub priority: Priority,
}

impl IncomingMail {
    pub fn from_message(m: &Message<'_>) -> Self {
        let subject = m.subject().unwrap_or("(no subject)").to_string();
        let urgent = ["outage", "down", "urgent", "p1"]
            .iter()
            .any(|w| subject.to_lowercase().contains(w));
        IncomingMail {
            message_id: m.message_id().unwrap_or_default().to_string(),
            in_reply_to: m.in_reply_to().as_text().map(str::to_string),
            from: m
                .from()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or("unknown")
                .to_string(),
            subject,
            body: m.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
            priority: if urgent { Priority::Urgent } else { Priority::Normal },
        }
    }
}

/// Appends to the existing ticket when the mail is a reply, otherwise opens a
/// new one. Returns (ticket id, whether it is new).
pub fn file(db: &mut Client, mail: &IncomingMail) -> Result<(i64, bool), postgres::Error> {
    let mut tx = db.transaction()?;
    let existing: Option<i64> = match &mail.in_reply_to {
        Some(parent) => tx
            .query_opt("SELECT ticket_id FROM ticket_messages WHERE message_id = $1", &[parent])?
            .map(|r| r.get(0)),
        None => None,
    };
    let (id, is_new) = match existing {
        Some(id) => (id, false),
        None => {
            let prio = if mail.priority == Priority::Urgent { "urgent" } else { "normal" };
            let row = tx.query_one(
                "INSERT INTO tickets (requester, subject, priority, status, opened_at)
                 VALUES ($1, $2, $3, 'new', now()) RETURNING id",
                &[&mail.from, &mail.subject, &prio],
            )?;
            (row.get(0), true)
        }
    };
    tx.execute(
        "INSERT INTO ticket_messages (ticket_id, message_id, sender, body, received_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (message_id) DO NOTHING",
        &[&id, &mail.message_id, &mail.from, &mail.body],
    )?;
    tx.commit()?;
    Ok((id, is_new))
}
