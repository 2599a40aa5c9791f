use std::time::Duration;

use freya::prelude::*;
use serde::Deserialize;

mod incidents;
use incidents::Incident;

#[derive(Clone, Deserialize, PartialEq)]
struct Deploy {
    service: String,
    version: String,
    status: String,
}

fn main() {
    launch_with_props(app, "Ops board", (960.0, 640.0));
}

fn app() -> Element {
    rsx!(
        rect {
            width: "100%",
            height: "100%",
            direction: "horizontal",
            background: "rgb(24, 24, 28)",
            color: "white",
            DeploysPanel {}
            IncidentsPanel {}
        }
    )
}

#[component]
fn DeploysPanel() -> Element {
    // one client for the lifetime of this panel
    let http = use_hook(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("deploy api client")
    });
    let mut deploys = use_resource(move || {
        let http = http.clone();
        async move {
            let base = std::env::var("DEPLOY_API").unwrap_or_else(|_| "https://deploy.internal".into());
            http.get(format!("{base}/api/deploys?limit=15"))
                .send()
                .await?
                .json::<Vec<Deploy>>()
                .await
        }
    });
    use_hook(move || {
        spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(30)).await;
                deploys.restart();
            }
        })
    });

    let rows = match &*deploys.read() {
        Some(Ok(list)) => list.clone(),
        _ => Vec::new(),
    };
    rsx!(
        rect {
            width: "50%",
            padding: "12",
            label { font_size: "20", "Deploys" }
            {rows.into_iter().map(|d| rsx!(
                label { key: "{d.service}", "{d.service} {d.version} - {d.status}" }
            ))}
        }
    )
}

#[component]
fn IncidentsPanel() -> Element {
    let mut open = use_signal(Vec::<Incident>::new);
    let mut error = use_signal(|| None::<String>);
    let http = reqwest::Client::new();

    let refresh = move |_| {
        let http = http.clone();
        spawn(async move {
            match incidents::fetch_open(&http).await {
                Ok(list) => {
                    open.set(list);
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let me = std::env::var("USER").unwrap_or_else(|_| "oncall".into());

    rsx!(
        rect {
            width: "50%",
            padding: "12",
            label { font_size: "20", "Open incidents" }
            Button { onclick: refresh, label { "Refresh" } }
            if let Some(e) = error.read().as_ref() {
                label { color: "rgb(255, 120, 120)", "{e}" }
            }
            {open.read().iter().map(|inc| {
                let id = inc.id;
                let who = me.clone();
                rsx!(
                    rect {
                        key: "{inc.id}",
                        direction: "horizontal",
                        label { "[{inc.severity}] {inc.title} " }
                        Button {
                            onclick: move |_| {
                                let who = who.clone();
                                spawn(async move {
                                    if incidents::acknowledge(id, &who).await.is_ok() {
                                        open.write().retain(|i| i.id != id);
                                    }
                                });
                            },
                            label { "Ack" }
                        }
                    }
                )
            })}
        }
    )
}
