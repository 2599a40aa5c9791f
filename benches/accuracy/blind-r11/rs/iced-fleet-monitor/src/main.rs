mod api;

use std::time::{Duration, Instant};

use iced::widget::{button, column, row, scrollable, text};
use iced::{Element, Subscription, Task};

use crate::api::{FleetApi, Vehicle};

#[derive(Debug, Clone)]
enum Message {
    Tick(Instant),
    Refresh,
    Loaded(Result<Vec<Vehicle>, String>),
    Recall(String),
    Recalled(Result<String, String>),
}

struct Monitor {
    api: FleetApi,
    vehicles: Vec<Vehicle>,
    status: String,
}

impl Monitor {
    fn new() -> (Self, Task<Message>) {
        // The API handle (and its reqwest::Client) is built once here;
        // every update() below only clones it into the spawned future.
        let api = api::connect();
        let first = Task::perform(api.clone().list_vehicles(), Message::Loaded);
        (
            Self {
                api,
                vehicles: Vec::new(),
                status: "loading…".to_owned(),
            },
            first,
        )
    }

    fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Tick(_) | Message::Refresh => {
                Task::perform(self.api.clone().list_vehicles(), Message::Loaded)
            }
            Message::Loaded(Ok(vehicles)) => {
                self.status = format!("{} vehicles", vehicles.len());
                self.vehicles = vehicles;
                Task::none()
            }
            Message::Loaded(Err(err)) | Message::Recalled(Err(err)) => {
                self.status = format!("error: {err}");
                Task::none()
            }
            Message::Recall(id) => Task::perform(self.api.clone().recall(id), Message::Recalled),
            Message::Recalled(Ok(id)) => {
                self.status = format!("{id} recalled to depot");
                Task::done(Message::Refresh)
            }
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let list = self.vehicles.iter().fold(column![].spacing(4), |col, v| {
            col.push(
                row![
                    text(&v.id).width(120),
                    text(format!("{:.0}% battery", v.battery)).width(140),
                    text(&v.state).width(120),
                    button("recall").on_press(Message::Recall(v.id.clone())),
                ]
                .spacing(8),
            )
        });
        column![
            row![button("refresh").on_press(Message::Refresh), text(&self.status)].spacing(12),
            scrollable(list),
        ]
        .padding(16)
        .spacing(12)
        .into()
    }

    fn subscription(&self) -> Subscription<Message> {
        iced::time::every(Duration::from_secs(10)).map(Message::Tick)
    }
}

fn main() -> iced::Result {
    iced::application("Fleet monitor", Monitor::update, Monitor::view)
        .subscription(Monitor::subscription)
        .run_with(Monitor::new)
}
