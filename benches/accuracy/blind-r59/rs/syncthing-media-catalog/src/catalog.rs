//! Studio media catalog: one row per synced asset, plus the event cursor.

use std::sync::LazyLock;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

static POOL: LazyLock<r2d2::Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    r2d2::Pool::builder().max_size(4).build(PostgresConnectionManager::new(url.parse().expect("DATABASE_URL"), NoTls)).expect("catalog pool")
});

fn kind_for(path: &str) -> &'static str {
    match path.rsplit('.').next().map(|e| e.to_ascii_lowercase()).as_deref() {
        Some("mov" | "mp4" | "mxf") => "video",
        Some("wav" | "aif" | "flac") => "audio",
        Some("exr" | "dpx" | "png" | "tif") => "image",
        _ => "other",
    }
}

pub fn apply(folder: &str, item: &str, action: &str, at: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = POOL.get()?;
    if action == "delete" {
        conn.execute("UPDATE assets SET deleted_at = $3::timestamptz WHERE folder = $1 AND path = $2", &[&folder, &item, &at])?;
    } else {
        conn.execute(
            "INSERT INTO assets (folder, path, kind, synced_at) VALUES ($1, $2, $3, $4::timestamptz)
             ON CONFLICT (folder, path) DO UPDATE SET synced_at = EXCLUDED.synced_at, deleted_at = NULL",
            &[&folder, &item, &kind_for(item), &at],
        )?;
    }
    Ok(())
}

pub fn last_event_id() -> Option<u64> {
    let mut conn = POOL.get().ok()?;
    let row = conn.query_opt("SELECT last_event_id FROM sync_cursor WHERE id = 1", &[]).ok()??;
    Some(row.get::<_, i64>(0) as u64)
}

pub fn save_cursor(id: u64) {
    let Ok(mut conn) = POOL.get() else { return };
    let _ = conn.execute(
        "INSERT INTO sync_cursor (id, last_event_id) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET last_event_id = $1",
        &[&(id as i64)],
    );
}
