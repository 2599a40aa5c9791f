//! Stockroom: a small native macOS app for the shop-floor Macs. Staff type
//! a SKU and press "Look up" (many times an hour) or "Reorder 10".
mod services;
mod window;

use std::sync::Arc;

use cacao::appkit::window::{Window, WindowConfig};
use cacao::appkit::{App, AppDelegate};
use cacao::notification_center::Dispatcher;

use services::{Services, StockInfo};
use window::LookupWindow;

pub enum Message {
    Found(StockInfo),
    Reordered(String),
    Failed(String),
}

pub struct StockroomApp {
    window: Window<LookupWindow>,
}

impl AppDelegate for StockroomApp {
    fn did_finish_launching(&self) {
        App::activate();
        self.window.show();
    }

    fn should_terminate_after_last_window_closed(&self) -> bool {
        true
    }
}

impl Dispatcher for StockroomApp {
    type Message = Message;

    /// Runs on the main thread; worker threads post results here.
    fn on_ui_message(&self, message: Self::Message) {
        let Some(view) = self.window.delegate.as_ref() else { return };
        match message {
            Message::Found(info) => view.show(&format!(
                "{}: {} on hand in bin {}{}",
                info.sku,
                info.on_hand,
                info.bin,
                info.supplier_eta.map(|d| format!(", next delivery {d}")).unwrap_or_default()
            )),
            Message::Reordered(sku) => view.show(&format!("Reorder for {sku} sent to purchasing")),
            Message::Failed(err) => view.show(&format!("Error: {err}")),
        }
    }
}

fn main() {
    let services = match Services::connect() {
        Ok(s) => Arc::new(s),
        Err(err) => {
            eprintln!("stockroom: cannot start: {err:#}");
            std::process::exit(1);
        }
    };
    let window = Window::with(WindowConfig::default(), LookupWindow::new(services));
    App::new("com.example.stockroom", StockroomApp { window }).run();
}
