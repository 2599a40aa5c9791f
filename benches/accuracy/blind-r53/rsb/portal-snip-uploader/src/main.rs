use ashpd::desktop::global_shortcuts::{GlobalShortcuts, NewShortcut};
use ashpd::desktop::screenshot::Screenshot;
use futures_util::StreamExt;
use serde::Deserialize;
use tracing::{error, info, warn};

mod upload;

#[derive(Deserialize, Clone)]
pub struct Settings {
    pub board_url: String,
    pub board_token: String,
    pub database_url: String,
    pub team: String,
}

fn load_settings() -> anyhow::Result<Settings> {
    let dirs = directories::ProjectDirs::from("io", "Clearwater", "snipd")
        .ok_or_else(|| anyhow::anyhow!("no home directory"))?;
    let raw = std::fs::read_to_string(dirs.config_dir().join("snipd.toml"))?;
    Ok(toml::from_str(&raw)?)
}

async fn take_screenshot(interactive: bool) -> anyhow::Result<std::path::PathBuf> {
    let response = Screenshot::request()
        .interactive(interactive)
        .modal(true)
        .send()
        .await?
        .response()?;
    response
        .uri()
        .to_file_path()
        .map_err(|_| anyhow::anyhow!("portal returned a non-file URI: {}", response.uri()))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let settings = load_settings()?;

    let shortcuts = GlobalShortcuts::new().await?;
    let session = shortcuts.create_session().await?;
    let bound = shortcuts
        .bind_shortcuts(
            &session,
            &[
                NewShortcut::new("snip-region", "Snip a region to the team board")
                    .preferred_trigger(Some("CTRL+SHIFT+S")),
                NewShortcut::new("snip-screen", "Snip the whole screen to the team board")
                    .preferred_trigger(Some("CTRL+SHIFT+A")),
            ],
            None,
        )
        .await?
        .response()?;

    for s in bound.shortcuts() {
        info!(id = s.id(), trigger = s.trigger_description(), "shortcut bound");
    }

    // The portal emits one Activated signal per key press, for as long as the
    // session lives (i.e. the whole desktop session).
    let mut activated = shortcuts.receive_activated().await?;
    while let Some(event) = activated.next().await {
        let interactive = match event.shortcut_id() {
            "snip-region" => true,
            "snip-screen" => false,
            other => {
                warn!(id = other, "unknown shortcut");
                continue;
            }
        };

        let path = match take_screenshot(interactive).await {
            Ok(p) => p,
            Err(e) => {
                // user pressed Escape in the picker, usually
                info!("screenshot cancelled: {e:#}");
                continue;
            }
        };

        let settings = settings.clone();
        tokio::spawn(async move {
            if let Err(e) = upload::publish(&settings, &path).await {
                error!(path = %path.display(), "snip upload failed: {e:#}");
            }
        });
    }

    session.close().await?;
    Ok(())
}
