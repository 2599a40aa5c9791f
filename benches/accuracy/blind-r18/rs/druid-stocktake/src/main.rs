mod delegate;
mod model;
mod ui;
mod worker;

use std::sync::{mpsc, Arc};

use druid::{AppLauncher, WindowDesc};

fn main() -> anyhow::Result<()> {
    let hq_url = std::env::var("HQ_API_URL").unwrap_or_else(|_| "https://hq.example.com/api".into());
    let spool_path = std::env::var("STOCKTAKE_DB").unwrap_or_else(|_| "stocktake.sqlite3".into());

    let window = WindowDesc::new(ui::build())
        .title("Stock take")
        .window_size((720.0, 520.0));
    let launcher = AppLauncher::with_window(window);

    // One background thread owns the HTTP client and the SQLite connection for
    // the whole session; the UI thread only sends it jobs.
    let (jobs_tx, jobs_rx) = mpsc::channel();
    let sink = launcher.get_external_handle();
    let worker = worker::spawn(sink, jobs_rx, hq_url, spool_path)?;

    let state = model::AppState {
        status: "ready".into(),
        items: Arc::new(Vec::new()),
    };
    launcher
        .delegate(delegate::Delegate::new(jobs_tx))
        .launch(state)?;

    worker.join().ok();
    Ok(())
}
