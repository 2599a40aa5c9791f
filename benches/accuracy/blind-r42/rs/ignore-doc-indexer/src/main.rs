use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use ignore::{WalkBuilder, WalkState};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

mod meta;
mod search;

fn mtime_of(entry: &ignore::DirEntry) -> Option<i64> {
    let modified = entry.metadata().ok()?.modified().ok()?;
    Some(modified.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let root = std::env::var("HANDBOOK_ROOT").unwrap_or_else(|_| "/srv/handbook".into());

    let manager = PostgresConnectionManager::new(std::env::var("INDEXER_PG")?.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
    meta::init(&pool)?;

    loop {
        let pushed = Arc::new(AtomicUsize::new(0));
        let walker = WalkBuilder::new(&root)
            .hidden(true)
            .git_ignore(true)
            .threads(4)
            .build_parallel();

        walker.run(|| {
            let pushed = Arc::clone(&pushed);
            Box::new(move |result| {
                let Ok(entry) = result else { return WalkState::Continue };
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    return WalkState::Continue;
                }
                let path = entry.path().to_string_lossy().into_owned();
                if !path.ends_with(".md") {
                    return WalkState::Continue;
                }
                let Some(mtime) = mtime_of(&entry) else { return WalkState::Continue };
                if !meta::is_stale(&path, mtime) {
                    return WalkState::Continue;
                }
                let Ok(body) = std::fs::read_to_string(entry.path()) else { return WalkState::Continue };
                match search::upsert_page(&path, &body) {
                    Ok(()) => {
                        meta::mark_indexed(&path, mtime);
                        pushed.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => log::warn!("upload failed for {path}: {e}"),
                }
                WalkState::Continue
            })
        });

        let n = pushed.load(Ordering::Relaxed) as i64;
        match pool.get() {
            Ok(mut conn) => {
                let _ = conn.execute("INSERT INTO index_runs (finished_at, pushed) VALUES (now(), $1)", &[&n]);
            }
            Err(e) => log::warn!("no connection for run summary: {e}"),
        }
        std::thread::sleep(Duration::from_secs(300));
    }
}
