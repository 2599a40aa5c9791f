use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AlertProps {
    pub depot: String,
}

/// Live alert ticker for one depot. Re-subscribes when the depot changes.
#[function_component(AlertFeed)]
pub fn alert_feed(props: &AlertProps) -> Html {
    let alerts = use_state(Vec::<String>::new);

    {
        let alerts = alerts.clone();
        use_effect_with(props.depot.clone(), move |depot| {
            let ws = WebSocket::new(&format!("wss://fleet.example.com/ws/alerts/{depot}")).ok();
            let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(text) = e.data().as_string() {
                    let mut next = (*alerts).clone();
                    next.insert(0, text);
                    next.truncate(20);
                    alerts.set(next);
                }
            });
            if let Some(ws) = &ws {
                ws.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(ws) = ws {
                    ws.set_onmessage(None);
                    let _ = ws.close();
                }
                drop(onmessage);
            }
        });
    }

    html! {
        <aside class="alerts">
            { for alerts.iter().map(|a| html! { <p>{ a }</p> }) }
        </aside>
    }
}
