mod clients;
mod ingest;

use std::path::Path;

use anyhow::{Context, Result};
use kqueue::{EventData, EventFilter, FilterFlag, Vnode, Watcher};

use crate::clients::Settings;
use crate::ingest::Ingestor;

fn main() -> Result<()> {
    env_logger::init();
    let settings = Settings::from_env()?;

    // Built once; the watch loop below only borrows them through the Ingestor.
    let scans = clients::scans_collection(&settings).context("connecting to MongoDB")?;
    let http = clients::paperless(&settings)?;
    let mut ingestor = Ingestor::new(scans, http, settings.paperless_url.clone());

    let inbox = Path::new(&settings.inbox);
    // Pick up anything scanned while we were not running.
    ingestor.on_change(inbox)?;

    let mut watcher = Watcher::new()?;
    watcher.add_filename(
        inbox,
        EventFilter::EVFILT_VNODE,
        FilterFlag::NOTE_WRITE | FilterFlag::NOTE_EXTEND,
    )?;
    watcher.watch()?;
    log::info!("watching {}", inbox.display());

    for event in watcher.iter() {
        match event.data {
            EventData::Vnode(Vnode::Write) | EventData::Vnode(Vnode::Extend) => {
                if let Err(e) = ingestor.on_change(inbox) {
                    log::error!("scan of {} failed: {:#}", inbox.display(), e);
                }
            }
            EventData::Vnode(Vnode::Delete) | EventData::Vnode(Vnode::Revoke) => {
                anyhow::bail!("inbox {} went away", inbox.display());
            }
            _ => {}
        }
    }
    Ok(())
}
