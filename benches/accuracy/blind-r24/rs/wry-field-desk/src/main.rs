//! Field Desk: desktop app for service technicians who work tickets for
//! several customers. The UI is a local web page; every button click reaches
//! Rust through the wry IPC handler.

use std::sync::mpsc;

use serde::Deserialize;
use tao::event::{Event, WindowEvent};
use tao::event_loop::{ControlFlow, EventLoopBuilder};
use tao::window::WindowBuilder;
use wry::http::Request;
use wry::WebViewBuilder;

mod store;
mod tenants;
mod worker;

pub enum UserEvent {
    Eval(String),
}

#[derive(Deserialize, Debug)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum IpcRequest {
    ListTenants,
    FetchTickets { tenant: String },
    CloseTicket { tenant: String, ticket_id: String, notes: String },
}

fn main() -> wry::Result<()> {
    let store = store::LocalStore::open().expect("cannot open local cache");

    let event_loop = EventLoopBuilder::<UserEvent>::with_user_event().build();
    let proxy = event_loop.create_proxy();

    // One background worker owns the SQLite connection and does all network I/O,
    // so the UI thread never blocks.
    let (jobs_tx, jobs_rx) = mpsc::channel::<IpcRequest>();
    std::thread::Builder::new()
        .name("field-desk-worker".into())
        .spawn(move || worker::run(store, jobs_rx, proxy))
        .expect("spawn worker");

    let window = WindowBuilder::new()
        .with_title("Field Desk")
        .with_inner_size(tao::dpi::LogicalSize::new(1100.0, 760.0))
        .build(&event_loop)
        .expect("window");

    let webview = WebViewBuilder::new()
        .with_html(include_str!("../ui/index.html"))
        .with_ipc_handler(move |req: Request<String>| {
            match serde_json::from_str::<IpcRequest>(req.body()) {
                Ok(msg) => {
                    let _ = jobs_tx.send(msg);
                }
                Err(e) => eprintln!("bad ipc message: {e}"),
            }
        })
        .build(&window)?;

    event_loop.run(move |event, _, control_flow| {
        *control_flow = ControlFlow::Wait;
        match event {
            Event::UserEvent(UserEvent::Eval(js)) => {
                let _ = webview.evaluate_script(&js);
            }
            Event::WindowEvent { event: WindowEvent::CloseRequested, .. } => *control_flow = ControlFlow::Exit,
            _ => {}
        }
    });
}
