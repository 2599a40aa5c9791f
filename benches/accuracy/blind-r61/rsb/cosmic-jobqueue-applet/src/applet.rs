use std::time::Duration;

use cosmic::app::{Core, Task};
use cosmic::iced::platform_specific::shell::commands::popup::{destroy_popup, get_popup};
use cosmic::iced::window::Id;
use cosmic::iced::{time, Limits, Subscription};
use cosmic::widget::{button, text, Column};
use cosmic::{Application, Element};

use crate::queue::{self, QueueStats, WorkerSummary};

const REFRESH_EVERY: Duration = Duration::from_secs(30);

pub struct JobQueueApplet {
    core: Core,
    popup: Option<Id>,
    http: reqwest::Client,
    api_base: String,
    stats: QueueStats,
    workers: WorkerSummary,
    last_error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    TogglePopup,
    PopupClosed(Id),
    Tick,
    StatsLoaded(Result<QueueStats, String>),
    WorkersLoaded(Result<WorkerSummary, String>),
    RetryFailed,
    RetryDone(Result<u64, String>),
}

impl Application for JobQueueApplet {
    type Executor = cosmic::executor::Default;
    type Flags = ();
    type Message = Message;
    const APP_ID: &'static str = "io.example.CosmicAppletJobQueue";

    fn core(&self) -> &Core {
        &self.core
    }

    fn core_mut(&mut self) -> &mut Core {
        &mut self.core
    }

    fn init(core: Core, _flags: Self::Flags) -> (Self, Task<Self::Message>) {
        let http = reqwest::Client::builder()
            .user_agent("cosmic-applet-jobqueue/0.3")
            .timeout(Duration::from_secs(10))
            .build()
            .expect("rustls backend");
        let applet = JobQueueApplet {
            core,
            popup: None,
            http,
            api_base: queue::api_base(),
            stats: QueueStats::default(),
            workers: WorkerSummary::default(),
            last_error: None,
        };
        (applet, cosmic::task::message(Message::Tick))
    }

    fn on_close_requested(&self, id: Id) -> Option<Message> {
        Some(Message::PopupClosed(id))
    }

    fn subscription(&self) -> Subscription<Self::Message> {
        time::every(REFRESH_EVERY).map(|_| Message::Tick)
    }

    fn update(&mut self, message: Self::Message) -> Task<Self::Message> {
        match message {
            Message::Tick => {
                let stats: Task<Message> = cosmic::task::future(async {
                    Message::StatsLoaded(queue::fetch_stats().await)
                });
                let workers: Task<Message> = cosmic::task::future(async {
                    Message::WorkersLoaded(queue::fetch_workers().await)
                });
                return Task::batch([stats, workers]);
            }
            Message::StatsLoaded(Ok(stats)) => {
                self.stats = stats;
                self.last_error = None;
            }
            Message::WorkersLoaded(Ok(workers)) => self.workers = workers,
            Message::StatsLoaded(Err(e)) | Message::WorkersLoaded(Err(e)) => {
                tracing::warn!(error = %e, "refresh failed");
                self.last_error = Some(e);
            }
            Message::RetryFailed => {
                let http = self.http.clone();
                let base = self.api_base.clone();
                return cosmic::task::future(async move {
                    Message::RetryDone(queue::retry_failed(&http, &base).await)
                });
            }
            Message::RetryDone(Ok(n)) => {
                tracing::info!(requeued = n, "failed jobs requeued");
                return cosmic::task::message(Message::Tick);
            }
            Message::RetryDone(Err(e)) => self.last_error = Some(e),
            Message::TogglePopup => {
                return if let Some(p) = self.popup.take() {
                    destroy_popup(p)
                } else {
                    let new_id = Id::unique();
                    self.popup.replace(new_id);
                    let mut settings = self.core.applet.get_popup_settings(
                        self.core.main_window_id().unwrap(),
                        new_id,
                        None,
                        None,
                        None,
                    );
                    settings.positioner.size_limits = Limits::NONE.min_width(280.0).max_width(360.0);
                    get_popup(settings)
                };
            }
            Message::PopupClosed(id) => {
                if self.popup == Some(id) {
                    self.popup = None;
                }
            }
        }
        Task::none()
    }

    fn view(&self) -> Element<Self::Message> {
        let icon = if self.stats.failed > 0 { "dialog-warning-symbolic" } else { "view-list-symbolic" };
        self.core
            .applet
            .icon_button(icon)
            .on_press(Message::TogglePopup)
            .into()
    }

    fn view_window(&self, _id: Id) -> Element<Self::Message> {
        let mut content = Column::new()
            .spacing(8)
            .padding(12)
            .push(text(format!("Pending: {}", self.stats.pending)))
            .push(text(format!("Failed: {}", self.stats.failed)))
            .push(text(format!("Oldest pending: {} s", self.stats.oldest_secs)))
            .push(text(format!(
                "Workers alive: {} / {}",
                self.workers.alive, self.workers.expected
            )))
            .push(button::standard("Retry failed jobs").on_press(Message::RetryFailed));
        if let Some(err) = &self.last_error {
            content = content.push(text(format!("Last error: {err}")));
        }
        self.core.applet.popup_container(content).into()
    }

    fn style(&self) -> Option<cosmic::iced_runtime::Appearance> {
        Some(cosmic::applet::style())
    }
}
