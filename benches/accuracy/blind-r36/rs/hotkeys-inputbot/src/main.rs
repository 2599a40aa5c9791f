mod calls;
mod clients;

use std::sync::{Arc, Mutex};

use inputbot::KeybdKey::{F10Key, F8Key, F9Key, LControlKey};
use redis::Commands;
use serde_json::json;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let agent = std::env::var("USER").unwrap_or_else(|_| "agent".into());
    let presence = Arc::new(Mutex::new(clients::open_redis()?));
    let http = clients::http();
    let pager_url = std::env::var("PAGER_URL")
        .unwrap_or_else(|_| "https://pager.internal/api/v2/page".into());

    // Ctrl+F8: log a call against the ticket number currently in the ticket file.
    {
        let agent = agent.clone();
        F8Key.bind(move || {
            if !LControlKey.is_pressed() {
                return;
            }
            let ticket = std::fs::read_to_string("/run/user/desk/current-ticket").unwrap_or_default();
            match calls::log_call(&agent, ticket.trim()) {
                Ok(_) => log::info!("call logged on {}", ticket.trim()),
                Err(e) => log::error!("could not log call: {e}"),
            }
        });
    }

    // Ctrl+F9: toggle break status in the shared presence hash.
    {
        let agent = agent.clone();
        let presence = presence.clone();
        F9Key.bind(move || {
            if !LControlKey.is_pressed() {
                return;
            }
            let mut con = presence.lock().unwrap();
            let current: Option<String> = con.hget("desk:presence", &agent).unwrap_or(None);
            let next = if current.as_deref() == Some("break") { "available" } else { "break" };
            let _: redis::RedisResult<()> = con.hset("desk:presence", &agent, next);
            let _: redis::RedisResult<i64> = con.publish("desk:presence:changed", &agent);
        });
    }

    // Ctrl+F10: page the on-call team lead.
    {
        let agent = agent.clone();
        let http = http.clone();
        F10Key.bind(move || {
            if !LControlKey.is_pressed() {
                return;
            }
            let body = json!({ "from": agent, "at": chrono::Utc::now().to_rfc3339(), "reason": "escalation" });
            if let Err(e) = http.post(&pager_url).json(&body).send() {
                log::error!("page failed: {e}");
            }
        });
    }

    log::info!("hotkeys ready for {agent}");
    inputbot::handle_input_events();
    Ok(())
}
