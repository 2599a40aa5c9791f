use postgres::{Client, NoTls};
use serde::Deserialize;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub doors: Vec<(i32, i64)>,
    pub carrier_degraded: bool,
}

pub struct Feed {
    snapshots: Receiver<Snapshot>,
    refresh: Sender<()>,
}

#[derive(Deserialize)]
struct StatusSummary {
    status: StatusIndicator,
}

#[derive(Deserialize)]
struct StatusIndicator {
    indicator: String,
}

fn connect_with_retry(url: &str) -> Client {
    loop {
        match Client::connect(url, NoTls) {
            Ok(c) => return c,
            Err(e) => {
                eprintln!("wallboard db unavailable: {e}; retrying in 5s");
                thread::sleep(Duration::from_secs(5));
            }
        }
    }
}

fn collect(db: &mut Client, http: &reqwest::blocking::Client, status_url: &str) -> anyhow::Result<Snapshot> {
    let rows = db.query(
        "SELECT dock_door, count(*) FROM shipments WHERE state IN ('staged', 'loading') \
         GROUP BY dock_door ORDER BY dock_door",
        &[],
    )?;
    let doors = rows.iter().map(|r| (r.get::<_, i32>(0), r.get::<_, i64>(1))).collect();
    let summary: StatusSummary = http.get(status_url).send()?.error_for_status()?.json()?;
    Ok(Snapshot { doors, carrier_degraded: summary.status.indicator != "none" })
}

impl Feed {
    /// Starts the single feed thread. Called once from `main`.
    pub fn spawn(db_url: String, status_url: String) -> Feed {
        let (snap_tx, snapshots) = mpsc::channel();
        let (refresh, refresh_rx) = mpsc::channel::<()>();
        thread::spawn(move || {
            let mut db = connect_with_retry(&db_url);
            let http = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .expect("http client");
            loop {
                if db.is_closed() {
                    db = connect_with_retry(&db_url);
                }
                match collect(&mut db, &http, &status_url) {
                    Ok(s) => {
                        if snap_tx.send(s).is_err() {
                            break;
                        }
                    }
                    Err(e) => eprintln!("wallboard refresh failed: {e:#}"),
                }
                match refresh_rx.recv_timeout(Duration::from_secs(30)) {
                    Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            let _ = db.close();
        });
        Feed { snapshots, refresh }
    }

    pub fn latest(&self) -> Option<Snapshot> {
        self.snapshots.try_iter().last()
    }

    pub fn request_refresh(&self) {
        let _ = self.refresh.send(());
    }
}
