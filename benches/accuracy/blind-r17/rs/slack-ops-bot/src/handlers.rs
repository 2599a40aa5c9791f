use std::sync::Arc;

use serde_json::json;
use slack_morphism::prelude::*;

use crate::{db, BotState};

async fn bot_state(states: &SlackClientEventsUserState) -> Arc<BotState> {
    let guard = states.read().await;
    guard
        .get_user_state::<Arc<BotState>>()
        .expect("bot state registered in main")
        .clone()
}

/// Called by the socket-mode listener for every Events API push (mentions, messages).
pub async fn on_push_event(
    event: SlackPushEventCallback,
    _client: Arc<SlackHyperClient>,
    _states: SlackClientEventsUserState,
) -> UserCallbackResult<()> {
    if let SlackEventCallbackBody::AppMention(mention) = event.event {
        let text = mention.content.text.clone().unwrap_or_default();
        if !text.contains("incident") {
            return Ok(());
        }

        let pool = db::connect().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO incidents (channel, reporter, summary) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(mention.channel.to_string())
        .bind(mention.user.to_string())
        .bind(&text)
        .fetch_one(&pool)
        .await?;

        let http = reqwest::Client::new();
        http.post("https://events.pagerduty.com/v2/enqueue")
            .json(&json!({
                "routing_key": std::env::var("PD_ROUTING_KEY").unwrap_or_default(),
                "event_action": "trigger",
                "payload": { "summary": text, "source": "slack", "severity": "error",
                             "custom_details": { "incident_id": id } }
            }))
            .send()
            .await?;
    }
    Ok(())
}

/// Called for every slash command (/deploy-lock, /deploy-unlock, /oncall).
pub async fn on_command(
    event: SlackCommandEvent,
    _client: Arc<SlackHyperClient>,
    states: SlackClientEventsUserState,
) -> UserCallbackResult<SlackCommandEventResponse> {
    let st = bot_state(&states).await;
    let arg = event.text.clone().unwrap_or_default().trim().to_string();

    let reply = match event.command.0.as_str() {
        "/deploy-lock" => {
            let mut conn = st.pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
                .bind(&arg)
                .execute(&mut *conn)
                .await?;
            // keep the connection so the session-level lock stays held until /deploy-unlock
            st.deploy_locks.lock().await.insert(arg.clone(), conn);
            format!("Deploys of `{arg}` are locked by <@{}>", event.user_id)
        }
        "/deploy-unlock" => match st.deploy_locks.lock().await.remove(&arg) {
            Some(mut conn) => {
                sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
                    .bind(&arg)
                    .execute(&mut *conn)
                    .await?;
                format!("`{arg}` unlocked")
            }
            None => format!("`{arg}` was not locked"),
        },
        "/oncall" => {
            let who: Option<String> =
                sqlx::query_scalar("SELECT slack_user FROM oncall WHERE team = $1 AND now() <@ shift")
                    .bind(&arg)
                    .fetch_optional(&st.pool)
                    .await?;
            who.map(|u| format!("On call for {arg}: <@{u}>"))
                .unwrap_or_else(|| format!("Nobody on call for {arg}"))
        }
        other => format!("Unknown command {other}"),
    };

    Ok(SlackCommandEventResponse::new(
        SlackMessageContent::new().with_text(reply),
    ))
}
