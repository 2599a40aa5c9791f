//! `tmux -C` prints one `%notification` line per event. We keep a single
//! control client attached and journal what happens to the session.
mod db;

use std::env;
use std::process::Stdio;
use std::time::Duration;

use serde_json::json;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

enum Notification<'a> {
    Focus { window: &'a str },
    Added { window: &'a str },
    Closed { window: &'a str },
    Renamed { window: &'a str, name: &'a str },
    Exit,
    Other,
}

fn parse(line: &str) -> Notification<'_> {
    let mut parts = line.splitn(3, ' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("%session-window-changed"), Some(_session), Some(window)) => Notification::Focus { window },
        (Some("%window-add"), Some(window), _) => Notification::Added { window },
        (Some("%window-close"), Some(window), _) => Notification::Closed { window },
        (Some("%window-renamed"), Some(window), Some(name)) => Notification::Renamed { window, name },
        (Some("%exit"), _, _) => Notification::Exit,
        _ => Notification::Other,
    }
}

async fn post_digest(http: &reqwest::Client, url: &str, pool: &PgPool, session: &str) {
    match db::busiest_windows(pool, session).await {
        Ok(top) => {
            let body = json!({ "session": session, "top_windows": top });
            if let Err(err) = http.post(url).json(&body).send().await {
                eprintln!("digest post failed: {err}");
            }
        }
        Err(err) => eprintln!("digest query failed: {err}"),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let session = env::var("TMUX_JOURNAL_SESSION").unwrap_or_else(|_| "main".into());
    let database_url = env::var("DATABASE_URL")?;
    let digest_url = env::var("DIGEST_WEBHOOK_URL").ok();

    let pool = db::connect_with_retry(&database_url).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;

    let mut child = Command::new("tmux")
        .args(["-C", "attach-session", "-t", &session])
        .stdin(Stdio::piped()) // closing stdin would detach the control client
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let _stdin = child.stdin.take();
    let stdout = child.stdout.take().ok_or("tmux stdout not captured")?;
    let mut lines = BufReader::new(stdout).lines();

    let mut digest = tokio::time::interval(Duration::from_secs(3600));
    digest.tick().await;

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else { break };
                let result = match parse(&line) {
                    Notification::Focus { window } => db::record(&pool, &session, "focus", window, None).await,
                    Notification::Added { window } => db::record(&pool, &session, "add", window, None).await,
                    Notification::Closed { window } => db::record(&pool, &session, "close", window, None).await,
                    Notification::Renamed { window, name } => {
                        db::record(&pool, &session, "rename", window, Some(name)).await
                    }
                    Notification::Exit => break,
                    Notification::Other => Ok(()),
                };
                if let Err(err) = result {
                    eprintln!("journal write failed for {line:?}: {err}");
                }
            }
            _ = digest.tick() => {
                if let Some(url) = digest_url.as_deref() {
                    post_digest(&http, url, &pool, &session).await;
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    child.kill().await.ok();
    pool.close().await;
    Ok(())
}
