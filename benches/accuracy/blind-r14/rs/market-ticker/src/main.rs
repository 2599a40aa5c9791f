mod depth;

use futures::StreamExt;
use gloo_net::websocket::{futures::WebSocket, Message};
use gloo_timers::callback::Interval;
use serde::Deserialize;
use sycamore::futures::spawn_local_scoped;
use sycamore::prelude::*;

use crate::depth::DepthPanel;

const FEED_URL: &str = "wss://quotes.example.com/v1/stream?symbols=AAPL,MSFT,NVDA,AMZN";

#[derive(Clone, PartialEq, Deserialize)]
pub struct Quote {
    pub symbol: String,
    pub price: f64,
    pub change_pct: f64,
}

/// Sycamore runs a component function once when it is created; later updates flow through
/// signals, so the feed below is opened once per mounted ticker, not per update.
#[component]
fn Ticker() -> View {
    let quotes = create_signal(Vec::<Quote>::new());
    let connected = create_signal(false);
    let now = create_signal(js_sys::Date::now());
    let selected = create_signal("AAPL".to_string());

    // The socket lives inside a scoped task: disposing the component aborts the task,
    // which drops the socket and closes it.
    spawn_local_scoped(async move {
        let Ok(ws) = WebSocket::open(FEED_URL) else { return };
        connected.set(true);
        let (_sink, mut stream) = ws.split();
        while let Some(Ok(Message::Text(text))) = stream.next().await {
            if let Ok(q) = serde_json::from_str::<Quote>(&text) {
                quotes.update(|list| match list.iter_mut().find(|x| x.symbol == q.symbol) {
                    Some(existing) => *existing = q,
                    None => list.push(q),
                });
            }
        }
        connected.set(false);
    });

    let clock = Interval::new(1_000, move || now.set(js_sys::Date::now()));
    on_cleanup(move || drop(clock));

    create_effect(move || {
        if !connected.get() {
            web_sys::console::warn_1(&"quote feed not connected".into());
        }
    });

    view! {
        div(class="ticker") {
            p(class="clock") { (move || js_sys::Date::new(&now.get().into()).to_iso_string().as_string().unwrap_or_default()) }
            ul {
                Keyed(
                    list=quotes,
                    view=move |q| {
                        let symbol = q.symbol.clone();
                        view! {
                            li(on:click=move |_| selected.set(symbol.clone())) {
                                strong { (q.symbol.clone()) }
                                " "
                                (format!("{:.2} ({:+.2}%)", q.price, q.change_pct))
                            }
                        }
                    },
                    key=|q| q.symbol.clone(),
                )
            }
            DepthPanel(symbol=selected)
        }
    }
}

fn main() {
    sycamore::render(Ticker);
}
