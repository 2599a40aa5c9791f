use std::time::Duration;

use anyhow::Context as _;
use gpui::{px, size, App, AppContext, Application, Bounds, WindowBounds, WindowOptions};

mod monitor;
mod sources;

fn main() -> anyhow::Result<()> {
    let database_url = std::env::var("JOBS_DATABASE_URL").context("JOBS_DATABASE_URL is not set")?;
    let workers_api = std::env::var("WORKERS_API").context("WORKERS_API is not set")?;

    // Both handles are created once for the lifetime of the wallboard and shared by
    // every refresh; the view only ever clones them.
    let pool = sources::build_pool(&database_url)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .user_agent("queue-monitor/0.2")
        .build();
    let sources = sources::Sources::new(pool, agent, workers_api);

    Application::new().run(move |cx: &mut App| {
        let bounds = Bounds::centered(None, size(px(960.), px(600.)), cx);
        cx.open_window(
            WindowOptions {
                window_bounds: Some(WindowBounds::Windowed(bounds)),
                ..Default::default()
            },
            |_window, cx| cx.new(|cx| monitor::QueueMonitor::new(sources.clone(), cx)),
        )
        .expect("failed to open window");
        cx.activate(true);
    });
    Ok(())
}
