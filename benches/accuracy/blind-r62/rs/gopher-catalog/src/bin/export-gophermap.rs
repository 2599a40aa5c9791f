//! Nightly one-off (systemd timer): writes a static gophermap tree for the mirror host.

use std::path::PathBuf;

use gopher_catalog::{catalog, db};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let out_dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "/srv/gopher/catalogue".into()));
    let host = std::env::var("MIRROR_HOST").unwrap_or_else(|_| "mirror.library.example".into());

    let pool = db::make_pool(&std::env::var("CATALOGUE_DATABASE_URL")?, 2).await?;

    let subjects = catalog::subjects(&pool).await?;
    let mut root = String::new();
    for subject in &subjects {
        root.push_str(&catalog::menu_line(subject, &host, 70));
        let code = subject.selector.trim_start_matches("/subject/");
        let dir = out_dir.join("subject").join(code);
        tokio::fs::create_dir_all(&dir).await?;

        let mut map = String::new();
        for book in catalog::books_in(&pool, code).await? {
            map.push_str(&catalog::menu_line(&book, &host, 70));
        }
        tokio::fs::write(dir.join("gophermap"), map).await?;
    }
    tokio::fs::create_dir_all(&out_dir).await?;
    tokio::fs::write(out_dir.join("gophermap"), root).await?;
    tracing::info!(subjects = subjects.len(), "gophermap export written");

    pool.close().await;
    Ok(())
}
