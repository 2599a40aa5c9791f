mod alerts;
mod badge;

use gloo_events::EventListener;
use gloo_net::http::Request;
use gloo_timers::callback::Interval;
use serde::Deserialize;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::alerts::AlertFeed;
use crate::badge::VehicleBadge;

const API: &str = "https://fleet.example.com/api/v1";

#[derive(Clone, PartialEq, Deserialize)]
pub struct Vehicle {
    pub id: String,
    pub label: String,
    pub lat: f64,
    pub lon: f64,
}

#[function_component(App)]
fn app() -> Html {
    let online = use_state(|| true);
    let vehicles = use_state(Vec::<Vehicle>::new);
    let depot = use_state(|| "north".to_string());

    {
        let online = online.clone();
        use_effect_with((), move |_| {
            let window = gloo_utils::window();
            let on = online.clone();
            let up = EventListener::new(&window, "online", move |_| on.set(true));
            let off = online.clone();
            let down = EventListener::new(&window, "offline", move |_| off.set(false));
            move || drop((up, down))
        });
    }

    {
        let vehicles = vehicles.clone();
        use_effect_with(depot.clone(), move |depot| {
            let depot = (**depot).clone();
            Interval::new(15_000, move || {
                let vehicles = vehicles.clone();
                let url = format!("{API}/depots/{depot}/vehicles");
                spawn_local(async move {
                    if let Ok(resp) = Request::get(&url).send().await {
                        if let Ok(list) = resp.json::<Vec<Vehicle>>().await {
                            vehicles.set(list);
                        }
                    }
                });
            })
            .forget();
            || ()
        });
    }

    let pick_depot = {
        let depot = depot.clone();
        Callback::from(move |name: String| depot.set(name))
    };

    html! {
        <main>
            <header>
                <h1>{ "Fleet" }</h1>
                if !*online { <span class="offline">{ "offline" }</span> }
                <button onclick={ let p = pick_depot.clone(); move |_| p.emit("north".into()) }>{ "North" }</button>
                <button onclick={ let p = pick_depot.clone(); move |_| p.emit("south".into()) }>{ "South" }</button>
            </header>
            <AlertFeed depot={ (*depot).clone() } />
            <ul class="vehicles">
                { for vehicles.iter().map(|v| html! {
                    <li key={ v.id.clone() }><VehicleBadge vehicle={ v.clone() } /></li>
                }) }
            </ul>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
