//! Native messaging host: the browser starts this process when the extension
//! calls `chrome.runtime.connectNative` and keeps it running for as long as
//! the port is open. Every message is a 32-bit native-endian length followed
//! by UTF-8 JSON.

mod bookmarks;
mod history;

use anyhow::Context;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt, Stdin, Stdout};

use bookmarks::BookmarkStore;
use history::HistoryStore;

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Request {
    Save { team: String, url: String, title: String, #[serde(default)] tags: Vec<String> },
    Search { team: String, q: String },
    Visit { team: String, user: String, url: String },
    Recent { team: String },
}

async fn read_message(stdin: &mut Stdin) -> anyhow::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match stdin.read_exact(&mut len).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let mut buf = vec![0u8; u32::from_ne_bytes(len) as usize];
    stdin.read_exact(&mut buf).await?;
    Ok(Some(buf))
}

async fn write_message(stdout: &mut Stdout, value: &Value) -> anyhow::Result<()> {
    let body = serde_json::to_vec(value)?;
    stdout.write_all(&(body.len() as u32).to_ne_bytes()).await?;
    stdout.write_all(&body).await?;
    stdout.flush().await?;
    Ok(())
}

async fn handle(req: Request, marks: &BookmarkStore, visits: &HistoryStore) -> anyhow::Result<Value> {
    Ok(match req {
        Request::Save { team, url, title, tags } => {
            marks.save(&team, &url, &title, &tags).await?;
            json!({ "ok": true })
        }
        Request::Search { team, q } => json!({ "ok": true, "results": marks.search(&team, &q).await? }),
        Request::Visit { team, user, url } => {
            visits.record(&team, &user, &url).await?;
            json!({ "ok": true })
        }
        Request::Recent { team } => json!({ "ok": true, "recent": visits.recent(&team).await? }),
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("TEAM_BOOKMARKS_DB")
        .unwrap_or_else(|_| "postgresql://bookmarks@crdb.acme.internal:26257/bookmarks?sslmode=require".into());
    let marks = BookmarkStore::connect(&url).await.context("bookmarks db")?;
    let visits = HistoryStore::connect(&url).await.context("history db")?;

    let mut stdin = tokio::io::stdin();
    let mut stdout = tokio::io::stdout();
    while let Some(raw) = read_message(&mut stdin).await? {
        let reply = match serde_json::from_slice::<Request>(&raw) {
            Ok(req) => handle(req, &marks, &visits)
                .await
                .unwrap_or_else(|e| json!({ "ok": false, "error": format!("{e:#}") })),
            Err(e) => json!({ "ok": false, "error": format!("bad request: {e}") }),
        };
        write_message(&mut stdout, &reply).await?;
    }
    Ok(())
}
