//! Kiosk UI. Every scan and button press in ui/main.htm calls one of the
//! `dispatch_script_call!` methods below through `Window.this.xcall(...)`.
//! The pool and the HTTP client are created once in main and owned by the
//! handler for the life of the window.

#[macro_use]
extern crate sciter;

mod db;

use std::time::Duration;

use sciter::Value;
use serde::Serialize;

struct Kiosk {
    pool: db::PgPool,
    printer: reqwest::blocking::Client,
    printer_url: String,
    station: String,
}

#[derive(Serialize)]
struct LabelJob<'a> {
    sku: &'a str,
    bin: &'a str,
    copies: u8,
}

fn to_value<T: Serialize>(v: &T) -> Value {
    let json = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    Value::parse(&json).unwrap_or_default()
}

fn error_value(msg: impl std::fmt::Display) -> Value {
    to_value(&serde_json::json!({ "error": msg.to_string() }))
}

impl Kiosk {
    fn lookup(&mut self, sku: String) -> Value {
        match db::stock_by_bin(&self.pool, sku.trim()) {
            Ok(rows) => to_value(&rows),
            Err(e) => error_value(e),
        }
    }

    fn adjust(&mut self, sku: String, bin: String, delta: i32) -> Value {
        match db::adjust(&self.pool, &sku, &bin, delta, &self.station) {
            Ok(new_qty) => to_value(&serde_json::json!({ "sku": sku, "bin": bin, "qty": new_qty })),
            Err(e) => error_value(e),
        }
    }

    fn print_label(&mut self, sku: String, bin: String) -> Value {
        let job = LabelJob { sku: &sku, bin: &bin, copies: 1 };
        match self.printer.post(&self.printer_url).json(&job).send() {
            Ok(resp) if resp.status().is_success() => Value::from(true),
            Ok(resp) => error_value(format!("printer returned {}", resp.status())),
            Err(e) => error_value(e),
        }
    }
}

impl sciter::EventHandler for Kiosk {
    dispatch_script_call! {
        fn lookup(String);
        fn adjust(String, String, i32);
        fn print_label(String, String);
    }
}

fn main() {
    let pool = db::build_pool().expect("cannot reach the inventory database");
    let printer = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
        .expect("http client");

    let kiosk = Kiosk {
        pool,
        printer,
        printer_url: std::env::var("KIOSK_PRINTER_URL")
            .unwrap_or_else(|_| "http://zebra-gw.wh.local/print".into()),
        station: std::env::var("KIOSK_STATION").unwrap_or_else(|_| "floor-1".into()),
    };

    let mut frame = sciter::Window::new();
    frame.event_handler(kiosk);
    let ui = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("ui").join("main.htm")))
        .expect("ui directory");
    frame.load_file(ui.to_str().expect("utf-8 path"));
    frame.run_app();
}
