//! catalog-export-scoped
//!
//! Run by hand (or from the nightly Makefile) as
//!   catalog-export <out-dir> [shards]
//! It opens one MySQL pool, dumps every shard on its own scoped thread, then
//! tells the CDN to drop the cached feed files. Then the process exits.

use std::path::PathBuf;

use anyhow::Context;

mod db;
mod export;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let out_dir = PathBuf::from(args.next().context("usage: catalog-export <out-dir> [shards]")?);
    let shards: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(8);
    std::fs::create_dir_all(&out_dir)?;

    let pool = db::open_pool(shards)?;
    db::check_replica_lag(&pool, 300)?;
    let cdn = ureq::AgentBuilder::new().build();

    let results = crossbeam::scope(|s| {
        let handles: Vec<_> = (0..shards)
            .map(|shard| {
                let pool = &pool;
                let out_dir = &out_dir;
                s.spawn(move |_| export::dump_shard(pool, shard, out_dir))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("export thread panicked"))
            .collect::<Vec<_>>()
    })
    .map_err(|_| anyhow::anyhow!("scoped export threads panicked"))?;

    let mut files = Vec::new();
    for result in results {
        let (path, rows) = result?;
        println!("{} rows -> {}", rows, path.display());
        files.push(path);
    }

    let token = std::env::var("CDN_TOKEN").context("CDN_TOKEN")?;
    let paths: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| format!("/feeds/catalog/{}", n.to_string_lossy()))
        .collect();
    cdn.post("https://api.cdn.example.net/v1/purge")
        .set("Authorization", &format!("Bearer {token}"))
        .send_json(ureq::json!({ "paths": paths }))?;

    drop(pool);
    println!("export finished: {} shard files", files.len());
    Ok(())
}
