//! Run by a systemd timer every Monday: prints last week's play counts for the PRS return.
use anyhow::Result;
use diesel::dsl::count_star;
use diesel::prelude::*;
use shairport_meta_log::{db, schema::plays};

fn main() -> Result<()> {
    env_logger::init();
    let mut conn = db::establish()?;
    let since = chrono::Utc::now() - chrono::Duration::days(7);

    let rows: Vec<(String, Option<String>, i64)> = plays::table
        .filter(plays::started_at.ge(since))
        .group_by((plays::title, plays::artist))
        .select((plays::title, plays::artist, count_star()))
        .order(count_star().desc())
        .load(&mut conn)?;

    println!("title\tartist\tplays");
    for (title, artist, n) in rows {
        println!("{title}\t{}\t{n}", artist.unwrap_or_default());
    }
    Ok(())
}
