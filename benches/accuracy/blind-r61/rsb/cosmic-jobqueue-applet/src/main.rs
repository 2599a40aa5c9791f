// COSMIC panel applet: shows how many jobs are waiting in the ops queue,
// how many failed, and how many workers are alive. Launched by cosmic-panel
// from res/io.example.CosmicAppletJobQueue.desktop.

mod applet;
mod queue;

fn main() -> cosmic::iced::Result {
    tracing_subscriber::fmt()
        .with_env_filter("warn,cosmic_applet_jobqueue=info")
        .init();
    cosmic::applet::run::<applet::JobQueueApplet>(())
}
