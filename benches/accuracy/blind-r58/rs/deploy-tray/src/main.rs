//! deploy-tray: lives in the release manager's system tray for the whole
//! working day. Menu items pause/resume the deploy train; a background
//! thread keeps an eye on the pipeline and raises desktop notifications.

mod actions;
mod status;

use std::sync::mpsc;

use anyhow::{anyhow, Result};
use tray_item::{IconSource, TIError, TrayItem};

enum Msg {
    Quit,
}

fn ti<T>(result: Result<T, TIError>) -> Result<T> {
    result.map_err(|e| anyhow!("tray error: {e:?}"))
}

fn main() -> Result<()> {
    let mut tray = ti(TrayItem::new(
        "Deploys",
        IconSource::Resource("network-transmit-receive"),
    ))?;
    ti(tray.add_label("Deploy train"))?;

    status::spawn_refresher();

    ti(tray.add_menu_item("Pause deploys", || {
        if let Err(err) = actions::set_paused(true) {
            actions::notify("Pause failed", &err.to_string());
        }
    }))?;
    ti(tray.add_menu_item("Resume deploys", || {
        if let Err(err) = actions::set_paused(false) {
            actions::notify("Resume failed", &err.to_string());
        }
    }))?;
    ti(tray.add_menu_item("Open last failed pipeline", || {
        if let Err(err) = actions::open_last_failure() {
            actions::notify("Lookup failed", &err.to_string());
        }
    }))?;

    let (tx, rx) = mpsc::sync_channel::<Msg>(1);
    ti(tray.add_menu_item("Quit", move || {
        let _ = tx.send(Msg::Quit);
    }))?;

    loop {
        match rx.recv() {
            Ok(Msg::Quit) | Err(_) => break,
        }
    }
    Ok(())
}
