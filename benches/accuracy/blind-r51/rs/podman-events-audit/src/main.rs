mod notify;
mod store;

use std::env;

use futures_util::StreamExt;
use podman_api::opts::EventsOpts;
use podman_api::Podman;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let socket = env::var("PODMAN_SOCKET").unwrap_or_else(|_| "/run/podman/podman.sock".into());
    let podman = Podman::unix(socket);

    let pool = store::make_pool()?;
    let mut tracker = store::RunTracker::new(pool);

    let opts = EventsOpts::builder().stream(true).build();
    let mut events = podman.events(&opts);

    while let Some(item) = events.next().await {
        let event = match item {
            Ok(event) => event,
            Err(err) => {
                eprintln!("podman event stream error: {err}");
                continue;
            }
        };
        if event.typ != "container" {
            continue;
        }

        let id = event.actor.id.clone();
        let attrs = &event.actor.attributes;
        let name = attrs.get("name").cloned().unwrap_or_else(|| id[..12].to_string());
        let image = attrs.get("image").cloned().unwrap_or_default();

        match event.action.as_str() {
            "start" => tracker.started(&id, &name, &image).await?,
            "died" | "die" => {
                let exit_code = attrs
                    .get("containerExitCode")
                    .and_then(|c| c.parse::<i32>().ok())
                    .unwrap_or(-1);
                tracker.died(&id, exit_code).await?;
                if exit_code != 0 {
                    if let Err(err) = notify::publish_crash(&name, &image, exit_code).await {
                        eprintln!("crash notification failed: {err}");
                    }
                }
            }
            "health_status" => {
                let status = attrs.get("health_status").map(String::as_str).unwrap_or("");
                tracker.health(&id, status).await?;
            }
            _ => {}
        }
    }
    Ok(())
}
