use sycamore::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};

const DEPTH_URL: &str = "wss://quotes.example.com/v1/depth";

/// Order-book depth for the selected symbol. The effect re-runs when the symbol changes;
/// the cleanup registered inside it closes the previous socket first.
#[component(inline_props)]
pub fn DepthPanel(symbol: Signal<String>) -> View {
    let levels = create_signal(Vec::<String>::new());

    create_effect(move || {
        let sym = symbol.get_clone();
        levels.set(Vec::new());
        let ws = WebSocket::new(&format!("{DEPTH_URL}/{sym}")).ok();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                levels.update(|l| {
                    l.insert(0, text);
                    l.truncate(10);
                });
            }
        });
        if let Some(ws) = &ws {
            ws.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        }
        on_cleanup(move || {
            if let Some(ws) = ws {
                ws.set_onmessage(None);
                let _ = ws.close();
            }
            drop(onmessage);
        });
    });

    view! {
        section(class="depth") {
            h3 { (move || format!("Depth: {}", symbol.get_clone())) }
            Indexed(
                list=levels,
                view=|line| view! { pre { (line) } },
            )
        }
    }
}
