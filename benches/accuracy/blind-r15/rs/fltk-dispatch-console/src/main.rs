mod db;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use fltk::{
    app, browser::HoldBrowser, button::Button, dialog, frame::Frame, input::Input, prelude::*,
    window::Window,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct FleetStatus {
    available: u32,
    on_route: u32,
}

fn reload(list: &mut HoldBrowser, client: &mut postgres::Client) {
    list.clear();
    match db::open_tickets(client) {
        Ok(tickets) => {
            for (id, summary) in tickets {
                list.add(&format!("{id}\t{summary}"));
            }
        }
        Err(e) => eprintln!("reload failed: {e}"),
    }
}

fn main() {
    let app = app::App::default();
    let mut wind = Window::new(100, 100, 520, 400, "Dispatch console");
    let mut list = HoldBrowser::new(10, 10, 500, 280, "");
    let driver = Input::new(90, 300, 160, 30, "Driver ID");
    let mut assign_btn = Button::new(270, 300, 100, 30, "Assign");
    let mut refresh_btn = Button::new(380, 300, 100, 30, "Refresh");
    let mut status = Frame::new(10, 350, 500, 30, "fleet: -");
    wind.end();
    wind.show();

    let shared = Rc::new(RefCell::new(db::connect().expect("dispatch database unreachable")));
    reload(&mut list, &mut shared.borrow_mut());

    {
        let shared = shared.clone();
        let mut list = list.clone();
        refresh_btn.set_callback(move |_| reload(&mut list, &mut shared.borrow_mut()));
    }

    {
        let mut list = list.clone();
        assign_btn.set_callback(move |_| {
            let Some(line) = list.selected_text() else { return };
            let ticket: i64 = line.split('\t').next().unwrap_or("0").parse().unwrap_or(0);
            let mut conn = match db::connect() {
                Ok(c) => c,
                Err(e) => {
                    dialog::alert_default(&format!("database error: {e}"));
                    return;
                }
            };
            match db::assign(&mut conn, ticket, &driver.value()) {
                Ok(0) => dialog::alert_default("ticket was already taken"),
                Ok(_) => reload(&mut list, &mut conn),
                Err(e) => dialog::alert_default(&format!("assign failed: {e}")),
            }
        });
    }

    let fleet_url = std::env::var("FLEET_API")
        .unwrap_or_else(|_| "http://fleet.internal/api/status".into());
    app::add_timeout3(10.0, move |handle| {
        let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(3)).build().unwrap();
        if let Ok(resp) = http.get(&fleet_url).send() {
            if let Ok(s) = resp.json::<FleetStatus>() {
                status.set_label(&format!("fleet: {} available, {} on route", s.available, s.on_route));
            }
        }
        app::repeat_timeout3(10.0, handle);
    });

    app.run().unwrap();
}
