use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::Duration;

use gdnative::api::{Button, Label, LineEdit};
use gdnative::prelude::*;
use serde::Serialize;

use crate::services;

#[derive(Serialize)]
struct PrintBadge<'a> {
    ticket: &'a str,
    name: &'a str,
    door: &'a str,
}

enum Outcome {
    Admitted(String),
    Rejected(String),
}

#[derive(NativeClass)]
#[inherit(Control)]
pub struct CheckinKiosk {
    http: reqwest::blocking::Client,
    tx: Sender<Outcome>,
    rx: Receiver<Outcome>,
    door: String,
    since_status: f64,
}

#[methods]
impl CheckinKiosk {
    fn new(_base: &Control) -> Self {
        let (tx, rx) = channel();
        Self {
            http: reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(4))
                .build()
                .expect("http client"),
            tx,
            rx,
            door: std::env::var("KIOSK_DOOR").unwrap_or_else(|_| "north".to_string()),
            since_status: 0.0,
        }
    }

    #[method]
    fn _ready(&mut self, #[base] base: TRef<Control>) {
        let submit = unsafe { base.get_node_as::<Button>("Panel/Submit") }.expect("Submit button");
        submit
            .connect("pressed", base, "_on_submit_pressed", VariantArray::new_shared(), 0)
            .expect("connect pressed");
    }

    #[method]
    fn _process(&mut self, #[base] base: &Control, delta: f64) {
        self.since_status += delta;
        let status = unsafe { base.get_node_as::<Label>("Panel/Status") };
        while let Ok(outcome) = self.rx.try_recv() {
            self.since_status = 0.0;
            if let Some(label) = status {
                match outcome {
                    Outcome::Admitted(name) => label.set_text(format!("Welcome, {name}!")),
                    Outcome::Rejected(why) => label.set_text(format!("Sorry: {why}")),
                }
            }
        }
        if self.since_status > 6.0 {
            if let Some(label) = status {
                label.set_text("Scan your ticket");
            }
        }
    }

    #[method]
    fn _on_submit_pressed(&mut self, #[base] base: &Control) {
        let Some(input) = (unsafe { base.get_node_as::<LineEdit>("Panel/Ticket") }) else {
            return;
        };
        let ticket = input.text().to_string().trim().to_string();
        input.clear();
        if ticket.is_empty() {
            return;
        }

        let http = self.http.clone();
        let tx = self.tx.clone();
        let door = self.door.clone();
        std::thread::spawn(move || {
            let outcome = check_in(&http, &ticket, &door);
            let _ = tx.send(outcome);
        });
    }
}

fn check_in(http: &reqwest::blocking::Client, ticket: &str, door: &str) -> Outcome {
    let mut conn = match services::db().get() {
        Ok(c) => c,
        Err(_) => return Outcome::Rejected("system busy, please see staff".into()),
    };
    let row = conn.query_opt(
        "UPDATE tickets SET checked_in_at = now(), door = $2
          WHERE code = $1 AND checked_in_at IS NULL
          RETURNING holder_name",
        &[&ticket, &door],
    );
    let name: String = match row {
        Ok(Some(r)) => r.get(0),
        Ok(None) => return Outcome::Rejected("ticket already used or unknown".into()),
        Err(_) => return Outcome::Rejected("lookup failed".into()),
    };

    let _ = http
        .post(format!("{}/print", services::badge_api_base()))
        .json(&PrintBadge { ticket, name: &name, door })
        .send();
    Outcome::Admitted(name)
}
