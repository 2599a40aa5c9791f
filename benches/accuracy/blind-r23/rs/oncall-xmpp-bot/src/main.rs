use std::sync::Arc;

use futures::StreamExt;
use tokio::sync::mpsc;
use tokio_xmpp::AsyncClient as XmppClient;
use xmpp_parsers::message::{Body, Message, MessageType};
use xmpp_parsers::presence::{Presence, Show as PresenceShow, Type as PresenceType};
use xmpp_parsers::{BareJid, Element, Jid};

mod commands;
mod db;

pub struct Outgoing {
    pub to: Jid,
    pub body: String,
}

fn make_presence() -> Element {
    let mut presence = Presence::new(PresenceType::None);
    presence.show = Some(PresenceShow::Chat);
    presence
        .statuses
        .insert(String::from("en"), String::from("on call — send !help"));
    presence.into()
}

fn make_reply(to: Jid, body: &str) -> Element {
    let mut message = Message::new(Some(to));
    message.type_ = MessageType::Chat;
    message.bodies.insert(String::new(), Body(body.to_owned()));
    message.into()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let jid = BareJid::new(&std::env::var("BOT_JID")?)?;
    let password = std::env::var("BOT_PASSWORD")?;
    let database_url = std::env::var("DATABASE_URL")?;
    let mongo_uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://ops-mongo:27017".into());

    let pool = db::make_pool(&database_url)?;
    db::ensure_schema(&pool).await?;
    let (out_tx, mut out_rx) = mpsc::channel::<Outgoing>(128);
    let state = Arc::new(commands::BotState::new(pool, mongo_uri, out_tx));

    let mut client = XmppClient::new(jid, password);
    client.set_reconnect(true);

    loop {
        tokio::select! {
            Some(out) = out_rx.recv() => {
                client.send_stanza(make_reply(out.to, &out.body)).await?;
            }
            event = client.next() => {
                let Some(event) = event else { break };
                if event.is_online() {
                    tracing::info!("online");
                    client.send_stanza(make_presence()).await?;
                    continue;
                }
                let Some(message) = event
                    .into_stanza()
                    .and_then(|stanza| Message::try_from(stanza).ok())
                else {
                    continue;
                };
                if message.type_ != MessageType::Chat {
                    continue;
                }
                let (Some(from), Some(body)) = (message.from.clone(), message.bodies.get("")) else {
                    continue;
                };

                let state = state.clone();
                let text = body.0.trim().to_owned();
                tokio::spawn(async move {
                    let reply = commands::dispatch(&state, from.clone(), &text)
                        .await
                        .unwrap_or_else(|e| format!("error: {e}"));
                    let _ = state.out.send(Outgoing { to: from, body: reply }).await;
                });
            }
        }
    }

    Ok(())
}
