//! One-off: import old phlog posts (one .txt per post, first line = title) from a directory.
//! Usage: import-phlog ./old-phlog

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use postgres::{Client, NoTls};

fn main() -> Result<()> {
    let dir = std::env::args().nth(1).context("usage: import-phlog <dir>")?;
    let url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let mut client = Client::connect(&url, NoTls)?;

    let mut imported = 0;
    for entry in fs::read_dir(Path::new(&dir))? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = fs::read_to_string(&path)?;
        let (title, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let modified: std::time::SystemTime = fs::metadata(&path)?.modified()?;
        imported += client.execute(
            "INSERT INTO phlog_entries (slug, title, body, posted_on) VALUES ($1, $2, $3, $4::timestamptz::date)
             ON CONFLICT (slug) DO NOTHING",
            &[&slug, &title.trim(), &body, &modified],
        )?;
    }
    client.close()?;
    println!("imported {imported} entries");
    Ok(())
}
