mod services;

use services::{Services, Ticket};
use vizia::prelude::*;

#[derive(Lens)]
pub struct AppData {
    #[lens(ignore)]
    services: Services,
    tickets: Vec<Ticket>,
    status: String,
}

pub enum AppEvent {
    Sync,
    Close(i64),
    Reload,
}

impl Model for AppData {
    fn event(&mut self, _cx: &mut EventContext, event: &mut Event) {
        event.map(|app_event, _| match app_event {
            AppEvent::Sync => match self.services.sync() {
                Ok(n) => {
                    self.status = format!("synced {n} tickets");
                    self.tickets = self.services.open_tickets().unwrap_or_default();
                }
                Err(e) => self.status = format!("sync failed: {e}"),
            },
            AppEvent::Close(id) => match self.services.close_ticket(*id) {
                Ok(()) => {
                    self.tickets.retain(|t| t.id != *id);
                    self.status = format!("ticket {id} closed");
                }
                Err(e) => self.status = format!("could not close {id}: {e}"),
            },
            AppEvent::Reload => {
                self.tickets = self.services.open_tickets().unwrap_or_default();
            }
        });
    }
}

fn main() {
    // Built once, before the UI exists; owned by the model for the app's lifetime.
    let services = Services::open().expect("could not open local store");

    Application::new(move |cx| {
        AppData { services, tickets: Vec::new(), status: "ready".into() }.build(cx);
        cx.emit(AppEvent::Reload);

        VStack::new(cx, |cx| {
            HStack::new(cx, |cx| {
                Label::new(cx, "Sync now").on_press(|cx| cx.emit(AppEvent::Sync));
                Label::new(cx, AppData::status);
            });
            List::new(cx, AppData::tickets, |cx, _index, ticket| {
                HStack::new(cx, |cx| {
                    Label::new(cx, ticket.then(Ticket::title));
                    Label::new(cx, ticket.then(Ticket::site));
                    let id = ticket.get(cx).id;
                    Label::new(cx, "Close").on_press(move |cx| cx.emit(AppEvent::Close(id)));
                });
            });
        });
    })
    .title("Field tickets")
    .run();
}
