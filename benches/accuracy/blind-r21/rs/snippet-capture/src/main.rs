//! Team snippet capture: watches the clipboard, keeps a local searchable
//! history and syncs snippets tagged `#share` to the team snippet service.

mod capture;
mod store;
mod sync;

use anyhow::Context;
use clipboard_master::Master;

use crate::capture::Capture;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let dirs = directories::ProjectDirs::from("dev", "acme", "snippet-capture")
        .context("no home directory")?;
    std::fs::create_dir_all(dirs.data_dir())?;
    let db_path = dirs.data_dir().join("history.sqlite3");

    let api = std::env::var("SNIPPETS_API").unwrap_or_else(|_| "https://snippets.acme.dev/api".into());
    let token = std::env::var("SNIPPETS_TOKEN").context("SNIPPETS_TOKEN")?;

    let store = store::open(&db_path)?;
    let uploader = sync::Uploader::new(api, token);
    let handler = Capture::new(store, uploader)?;

    log::info!("watching clipboard, history in {}", db_path.display());
    Master::new(handler)
        .context("cannot start clipboard monitor")?
        .run()
        .context("clipboard monitor stopped")?;
    Ok(())
}
