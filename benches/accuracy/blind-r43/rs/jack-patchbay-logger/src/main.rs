mod notifications;
mod store;

use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use jack::{Client, ClientOptions, ClosureProcessHandler, Control, ProcessScope};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let dsn = std::env::var("STUDIO_DB")
        .unwrap_or_else(|_| "host=localhost user=studio dbname=studio".into());
    let room = std::env::var("STUDIO_ROOM").unwrap_or_else(|_| "room-a".into());

    let pool = store::build_pool(&dsn)?;

    // Once a minute: aggregate counters for the dashboard. The pooled
    // connection is returned at the end of each iteration.
    let summary_pool = pool.clone();
    let summary_room = room.clone();
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(60));
        match summary_pool.get() {
            Ok(mut conn) => {
                if let Err(e) = store::write_summary(&mut conn, &summary_room) {
                    log::warn!("summary not written: {e}");
                }
            }
            Err(e) => log::warn!("pool exhausted: {e}"),
        }
    });

    // Client (un)registrations are handed to a writer thread.
    let (events_tx, events_rx) = crossbeam_channel::unbounded();
    let writer_pool = pool.clone();
    thread::spawn(move || store::client_event_writer(writer_pool, events_rx));

    // Patch changes come in bursts when a session template is loaded, so the
    // handler keeps its own connection checked out.
    let patch_conn = pool.get()?;
    let handler = notifications::PatchbayLogger {
        room: room.clone(),
        dsn: dsn.clone(),
        patch_conn: Mutex::new(patch_conn),
        client_events: events_tx,
    };

    let (client, _status) = Client::new("patchbay_logger", ClientOptions::NO_START_SERVER)?;
    let process = ClosureProcessHandler::new(|_: &Client, _: &ProcessScope| Control::Continue);
    let _active = client.activate_async(handler, process)?;
    log::info!("patchbay logger active for {room}");

    loop {
        thread::park();
    }
}
