use std::path::Path;
use std::time::Duration;

use reqwest::multipart::{Form, Part};
use serde::Deserialize;
use tokio_postgres::NoTls;
use tracing::{info, warn};

use crate::Settings;

#[derive(Deserialize)]
struct Uploaded {
    id: String,
    url: String,
}

/// One call per shortcut press: push the PNG to the board, then index it.
pub async fn publish(settings: &Settings, path: &Path) -> anyhow::Result<()> {
    let bytes = tokio::fs::read(path).await?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("snip.png")
        .to_string();
    let size = bytes.len() as i64;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
    let form = Form::new()
        .text("team", settings.team.clone())
        .part("file", Part::bytes(bytes).file_name(file_name.clone()).mime_str("image/png")?);
    let uploaded: Uploaded = http
        .post(format!("{}/api/snips", settings.board_url))
        .bearer_auth(&settings.board_token)
        .multipart(form)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    let (client, connection) = tokio_postgres::connect(&settings.database_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            warn!("snip index connection error: {e}");
        }
    });

    client
        .execute(
            "INSERT INTO snips (board_id, team, file_name, bytes, author, created_at)
             VALUES ($1, $2, $3, $4, current_user, now())",
            &[&uploaded.id, &settings.team, &file_name, &size],
        )
        .await?;

    info!(url = %uploaded.url, "snip published");

    if let Err(e) = tokio::fs::remove_file(path).await {
        warn!("could not remove {}: {e}", path.display());
    }
    Ok(())
}
