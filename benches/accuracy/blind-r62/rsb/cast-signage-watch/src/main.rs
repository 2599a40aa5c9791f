//! Watches the lobby / canteen / meeting-room Chromecasts that show our
//! signage receiver app. One thread per screen keeps a Cast connection open,
//! follows receiver status messages and relaunches the signage app whenever
//! something else (or nothing) is on screen.

mod incidents;
mod screens;
mod watch;

use std::env;
use std::sync::Arc;
use std::thread;

use anyhow::Result;
use log::info;

fn main() -> Result<()> {
    env_logger::init();
    let db_url = env::var("SIGNAGE_DATABASE_URL")?;
    let app_id = env::var("SIGNAGE_APP_ID").unwrap_or_else(|_| "5C3F0A3C".into());

    let screens = Arc::new(screens::ScreenStore::connect(&db_url)?);
    let incidents = Arc::new(incidents::IncidentLog::connect(&db_url)?);

    let mut handles = Vec::new();
    for screen in screens.enabled()? {
        info!("watching {} at {}:{}", screen.name, screen.host, screen.port);
        let screens = Arc::clone(&screens);
        let incidents = Arc::clone(&incidents);
        let app_id = app_id.clone();
        let handle = thread::Builder::new()
            .name(format!("cast-{}", screen.name))
            .spawn(move || watch::run(screen, &app_id, &screens, &incidents))?;
        handles.push(handle);
    }
    for handle in handles {
        let _ = handle.join();
    }
    Ok(())
}
