mod jira;
mod report;
mod store;
mod tracker;

use swayipc::{Connection, Event, EventType, WindowChange};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let store = store::open()?;
    let reporter = report::connect()?;
    reporter.run_hourly();

    let mut tracker = tracker::Tracker::new(store);

    for event in Connection::new()?.subscribe([EventType::Window])? {
        let Event::Window(w) = event? else { continue };
        if w.change != WindowChange::Focus {
            continue;
        }
        let app = w
            .container
            .app_id
            .clone()
            .or_else(|| w.container.window_properties.as_ref().and_then(|p| p.class.clone()))
            .unwrap_or_else(|| "unknown".into());
        let title = w.container.name.clone().unwrap_or_default();
        if let Err(e) = tracker.on_focus(app, title) {
            log::warn!("focus event not recorded: {e}");
        }
    }
    Ok(())
}
