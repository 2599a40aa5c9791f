mod kiosk;

use std::time::Duration;

use winit::event_loop::EventLoop;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let db_path = std::env::var("KIOSK_DB").unwrap_or_else(|_| "/var/lib/kiosk/checkins.db".into());
    let db = rusqlite::Connection::open(&db_path)?;
    db.execute_batch(
        "CREATE TABLE IF NOT EXISTS pending_checkins (
             id INTEGER PRIMARY KEY AUTOINCREMENT,
             badge TEXT NOT NULL,
             scanned_at INTEGER NOT NULL
         );",
    )?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .user_agent("checkin-kiosk/0.9")
        .build()?;

    let api = std::env::var("CHECKIN_API").unwrap_or_else(|_| "https://events.example.org/api".into());
    let mut app = kiosk::Kiosk::new(db, http, api);

    let event_loop = EventLoop::new()?;
    event_loop.run_app(&mut app)?;
    Ok(())
}
