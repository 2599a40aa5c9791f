use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Object, Pool};
use mongodb::bson::{doc, DateTime};
use tokio::sync::{mpsc, Mutex};
use xmpp_parsers::{BareJid, Jid};

use crate::Outgoing;

const HELP: &str = "!ack <incident> · !maint begin|commit|abort · !silence <host> <minutes> \
                    · !watch <deployment> · !note <text>";

pub struct BotState {
    pub pool: Pool,
    pub mongo_uri: String,
    pub out: mpsc::Sender<Outgoing>,
    maint: Mutex<HashMap<BareJid, Object>>,
}

impl BotState {
    pub fn new(pool: Pool, mongo_uri: String, out: mpsc::Sender<Outgoing>) -> Self {
        Self { pool, mongo_uri, out, maint: Mutex::new(HashMap::new()) }
    }
}

pub async fn dispatch(state: &Arc<BotState>, from: Jid, text: &str) -> anyhow::Result<String> {
    let (cmd, rest) = text.split_once(' ').unwrap_or((text, ""));
    let who = from.to_bare();
    match cmd {
        "!ack" => ack(state, &who, rest.trim()).await,
        "!maint" => maint(state, &who, rest.trim()).await,
        "!silence" => silence(state, &who, rest.trim()).await,
        "!watch" => watch(state, from, rest.trim()).await,
        "!note" => note(state, &who, rest.trim()).await,
        "!help" => Ok(HELP.to_string()),
        _ => Ok("unknown command, try !help".to_string()),
    }
}

async fn ack(state: &BotState, who: &BareJid, arg: &str) -> anyhow::Result<String> {
    let incident: i64 = arg.parse()?;
    let client = state.pool.get().await?;
    let updated = client
        .execute(
            "UPDATE incidents SET acked_by = $1, acked_at = now() \
             WHERE id = $2 AND acked_at IS NULL",
            &[&who.to_string(), &incident],
        )
        .await?;
    Ok(match updated {
        0 => format!("incident {incident} is already acked or does not exist"),
        _ => format!("incident {incident} acked"),
    })
}

async fn maint(state: &BotState, who: &BareJid, arg: &str) -> anyhow::Result<String> {
    match arg {
        "begin" => {
            let mut batches = state.maint.lock().await;
            if batches.contains_key(who) {
                return Ok("you already have an open maintenance batch".into());
            }
            let conn = state.pool.get().await?;
            conn.batch_execute("BEGIN").await?;
            batches.insert(who.clone(), conn);
            Ok("maintenance batch opened; add !silence lines, then !maint commit".into())
        }
        "commit" | "abort" => {
            let Some(conn) = state.maint.lock().await.remove(who) else {
                return Ok("no open maintenance batch".into());
            };
            let verb = if arg == "commit" { "COMMIT" } else { "ROLLBACK" };
            conn.batch_execute(verb).await?;
            Ok(format!("maintenance batch {arg}ed"))
        }
        _ => Ok("usage: !maint begin|commit|abort".into()),
    }
}

async fn silence(state: &BotState, who: &BareJid, arg: &str) -> anyhow::Result<String> {
    let mut parts = arg.split_whitespace();
    let (Some(host), Some(minutes)) = (parts.next(), parts.next()) else {
        return Ok("usage: !silence <host> <minutes>".into());
    };
    let minutes: i32 = minutes.parse()?;
    let sql = "INSERT INTO silences (host, until, created_by) \
               VALUES ($1, now() + make_interval(mins => $2), $3)";
    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 3] = [&host, &minutes, &who.to_string()];

    let batches = state.maint.lock().await;
    if let Some(conn) = batches.get(who) {
        conn.execute(sql, &params).await?;
        return Ok(format!("{host} silenced for {minutes}m (pending commit)"));
    }
    drop(batches);

    let conn = state.pool.get().await?;
    conn.execute(sql, &params).await?;
    Ok(format!("{host} silenced for {minutes}m"))
}

async fn watch(state: &BotState, to: Jid, deployment: &str) -> anyhow::Result<String> {
    if deployment.is_empty() {
        return Ok("usage: !watch <deployment>".into());
    }
    let name = deployment.to_owned();
    let conn = state.pool.get().await?;
    let out = state.out.clone();

    tokio::spawn(async move {
        let mut last: Option<String> = None;
        let mut every = tokio::time::interval(Duration::from_secs(30));
        loop {
            every.tick().await;
            let status = match conn
                .query_opt("SELECT status FROM deployments WHERE name = $1", &[&name])
                .await
            {
                Ok(row) => row.map(|r| r.get::<_, String>(0)),
                Err(e) => {
                    tracing::warn!(deployment = %name, "watch query failed: {e}");
                    continue;
                }
            };
            if status != last {
                let body = format!("{name}: {}", status.as_deref().unwrap_or("removed"));
                let _ = out.send(Outgoing { to: to.clone(), body }).await;
                last = status;
            }
        }
    });

    Ok(format!("watching {deployment}, I will report status changes"))
}

async fn note(state: &BotState, who: &BareJid, text: &str) -> anyhow::Result<String> {
    if text.is_empty() {
        return Ok("usage: !note <text>".into());
    }
    let mongo = mongodb::Client::with_uri_str(&state.mongo_uri).await?;
    let notes = mongo
        .database("ops")
        .collection::<mongodb::bson::Document>("shift_notes");
    notes
        .insert_one(doc! { "author": who.to_string(), "text": text, "at": DateTime::now() })
        .await?;
    Ok("note saved to the shift log".into())
}
