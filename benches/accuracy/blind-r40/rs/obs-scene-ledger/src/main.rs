//! Follows the OBS Studio instance that drives the studio output and writes a
//! ledger of on-air segments (scene changes, stream and recording state) so the
//! traffic team can reconcile what actually aired.

use std::time::Duration;

use anyhow::Context;
use futures_util::StreamExt;
use obws::events::Event;
use obws::Client;
use sqlx::postgres::PgPoolOptions;

mod ledger;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&db_url)
        .await
        .context("connecting to the ledger database")?;

    let host = std::env::var("OBS_HOST").unwrap_or_else(|_| "127.0.0.1".to_owned());
    let password = std::env::var("OBS_PASSWORD").ok();
    let obs = Client::connect(host, 4455, password)
        .await
        .context("connecting to obs-websocket")?;

    let show_id = ledger::open_show(&pool).await?;
    let current = obs.scenes().current_program_scene().await?;
    ledger::scene_changed(&pool, show_id, &current).await?;

    let events = obs.events()?;
    futures_util::pin_mut!(events);

    while let Some(event) = events.next().await {
        let outcome = match event {
            Event::CurrentProgramSceneChanged { name } => {
                ledger::scene_changed(&pool, show_id, &name).await
            }
            Event::StreamStateChanged { active, state } => {
                ledger::stream_state(&pool, show_id, active, &format!("{state:?}")).await
            }
            Event::RecordStateChanged { active, path, .. } => {
                ledger::recording(show_id, active, path.as_deref()).await
            }
            Event::ExitStarted => break,
            _ => Ok(()),
        };
        if let Err(err) = outcome {
            eprintln!("ledger write failed: {err:#}");
        }
    }

    ledger::close_show(&pool, show_id).await?;
    pool.close().await;
    Ok(())
}
