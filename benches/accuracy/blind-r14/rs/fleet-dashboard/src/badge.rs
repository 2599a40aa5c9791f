use futures::StreamExt;
use gloo_events::EventListener;
use gloo_net::websocket::{futures::WebSocket, Message};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::Vehicle;

#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    pub vehicle: Vehicle,
}

/// Shows a vehicle with its live engine status pushed from the telematics gateway.
#[function_component(VehicleBadge)]
pub fn vehicle_badge(props: &BadgeProps) -> Html {
    let status = use_state(|| "unknown".to_string());
    let stale = use_state(|| false);

    {
        let stale = stale.clone();
        use_effect_with(props.vehicle.id.clone(), move |_| {
            let window = gloo_utils::window();
            EventListener::new(&window, "offline", move |_| stale.set(true)).forget();
            || ()
        });
    }

    let url = format!("wss://telematics.example.com/ws/vehicles/{}/status", props.vehicle.id);
    if let Ok(ws) = WebSocket::open(&url) {
        let (_write, mut read) = ws.split();
        let status = status.clone();
        spawn_local(async move {
            while let Some(Ok(Message::Text(text))) = read.next().await {
                status.set(text);
            }
        });
    }

    html! {
        <div class={ classes!("badge", (*status).clone(), stale.then_some("stale")) }>
            <strong>{ &props.vehicle.label }</strong>
            <span>{ format!(" {:.4}, {:.4}", props.vehicle.lat, props.vehicle.lon) }</span>
            <em>{ format!(" {}", *status) }</em>
        </div>
    }
}
