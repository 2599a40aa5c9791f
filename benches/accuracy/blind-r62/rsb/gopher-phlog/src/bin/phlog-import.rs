//! Occasional admin tool: import/update posts from a directory of .txt files
//! (first line = title). `phlog-import ~/phlog/drafts --publish`

use std::env;
use std::fs;

use anyhow::Context;
use postgres::{Client, NoTls};

fn main() -> anyhow::Result<()> {
    let mut args = env::args().skip(1);
    let dir = args.next().context("usage: phlog-import <dir> [--publish]")?;
    let publish = args.any(|a| a == "--publish");

    let mut client = Client::connect(&env::var("DATABASE_URL")?, NoTls)?;
    let mut imported = 0u64;
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let slug = path.file_stem().and_then(|s| s.to_str()).context("bad file name")?.to_string();
        let text = fs::read_to_string(&path)?;
        let (title, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        imported += client.execute(
            "INSERT INTO posts (slug, title, body, published_at) \
             VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END) \
             ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, \
               published_at = COALESCE(posts.published_at, EXCLUDED.published_at)",
            &[&slug, &title.trim(), &body.trim_start(), &publish],
        )?;
    }
    client.close()?;
    println!("{imported} posts imported from {dir}");
    Ok(())
}
