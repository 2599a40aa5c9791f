mod app;

use std::time::Duration;

use vizia::prelude::*;

use app::{AppData, AppEvent, KioskConfig};

fn main() -> Result<(), ApplicationError> {
    Application::new(|cx| {
        AppData::new(KioskConfig::from_env()).build(cx);

        // Pull today's pre-registered visitors every 30 seconds.
        let refresh = cx.add_timer(Duration::from_secs(30), None, |cx, action| {
            if let TimerAction::Tick(_) = action {
                cx.emit(AppEvent::Refresh);
            }
        });
        cx.start_timer(refresh);
        cx.emit(AppEvent::Refresh);

        HStack::new(cx, |cx| {
            VStack::new(cx, |cx| {
                Label::new(cx, "Visitor sign-in").class("title");
                Textbox::new(cx, AppData::visitor_name)
                    .placeholder("Your name")
                    .on_edit(|cx, text| cx.emit(AppEvent::SetName(text)));
                Textbox::new(cx, AppData::host_name)
                    .placeholder("Who are you visiting?")
                    .on_edit(|cx, text| cx.emit(AppEvent::SetHost(text)));
                Button::new(cx, |cx| Label::new(cx, "Check in")).on_press(|cx| cx.emit(AppEvent::Submit));
                Label::new(cx, AppData::status).class("status");
            })
            .row_between(Pixels(16.0));

            VStack::new(cx, |cx| {
                Label::new(cx, "Expected today").class("subtitle");
                List::new(cx, AppData::expected, |cx, _, name| {
                    Label::new(cx, name);
                });
            });
        })
        .col_between(Pixels(40.0))
        .space(Pixels(32.0));
    })
    .title("Lobby check-in")
    .inner_size((1024, 600))
    .run()
}
