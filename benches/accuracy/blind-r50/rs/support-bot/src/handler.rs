use mongodb::bson::{doc, oid::ObjectId, DateTime, Document};
use mongodb::Collection;
use tgbot::api::Client;
use tgbot::handler::UpdateHandler;
use tgbot::types::{ChatPeerId, SendMessage, Update};

/// Everything in here is built once in main; `handle` runs once per Telegram update.
pub struct Helpdesk {
    pub bot: Client,
    pub tickets: Collection<Document>,
    pub http: reqwest::Client,
    pub triage_url: String,
}

impl Helpdesk {
    async fn reply(&self, chat_id: ChatPeerId, text: String) {
        if let Err(e) = self.bot.execute(SendMessage::new(chat_id, text)).await {
            log::warn!("send failed: {e}");
        }
    }

    async fn open_ticket(&self, chat_id: ChatPeerId, body: &str) -> anyhow::Result<String> {
        let id = ObjectId::new();
        self.tickets
            .insert_one(doc! { "_id": id, "chat_id": chat_id.to_string(), "body": body, "status": "open", "opened_at": DateTime::now() })
            .await?;
        self.http
            .post(&self.triage_url)
            .json(&serde_json::json!({ "ticket": id.to_hex(), "text": body }))
            .send()
            .await?
            .error_for_status()?;
        Ok(id.to_hex())
    }

    async fn ticket_status(&self, ticket: &str) -> anyhow::Result<Option<String>> {
        let id = ObjectId::parse_str(ticket)?;
        let found = self.tickets.find_one(doc! { "_id": id }).await?;
        Ok(found.and_then(|d| d.get_str("status").ok().map(str::to_owned)))
    }
}

impl UpdateHandler for Helpdesk {
    async fn handle(&self, update: Update) {
        let (Some(chat_id), Some(message)) = (update.get_chat_id(), update.get_message()) else { return };
        let Some(text) = message.get_text() else { return };
        let text = text.data.trim().to_string();

        let reply = if let Some(body) = text.strip_prefix("/ticket") {
            match self.open_ticket(chat_id, body.trim()).await {
                Ok(id) => format!("Ticket {id} opened, we'll get back to you."),
                Err(e) => {
                    log::error!("open_ticket: {e:#}");
                    "Sorry, could not open a ticket right now.".to_string()
                }
            }
        } else if let Some(id) = text.strip_prefix("/status") {
            match self.ticket_status(id.trim()).await {
                Ok(Some(status)) => format!("Ticket {} is {status}.", id.trim()),
                Ok(None) => "No such ticket.".to_string(),
                Err(_) => "Usage: /status <ticket id>".to_string(),
            }
        } else {
            "Commands: /ticket <describe the problem>, /status <ticket id>".to_string()
        };
        self.reply(chat_id, reply).await;
    }
}
