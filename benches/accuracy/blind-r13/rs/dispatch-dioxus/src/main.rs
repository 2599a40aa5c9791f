mod api;
mod cache;

use api::{DispatchApi, Job};
use cache::OfflineCache;
use dioxus::prelude::*;

fn main() {
    let technician = std::env::var("TECH_ID").unwrap_or_else(|_| "unassigned".into());
    let base = std::env::var("DISPATCH_URL").unwrap_or_else(|_| "https://dispatch.example.net/api".into());
    let api = DispatchApi::new(base, &technician).expect("dispatch client");

    LaunchBuilder::desktop().with_context(api).launch(App);
}

#[component]
fn App() -> Element {
    let api = use_context::<DispatchApi>();
    // The closure runs only on the first render of the root component, so the
    // SQLite file is opened once and shared with every JobRow via context.
    let cache = use_context_provider(|| OfflineCache::open("dispatch-cache.db").expect("offline cache"));

    let mut jobs = use_resource(move || {
        let api = api.clone();
        let cache = cache.clone();
        async move {
            for job_id in cache.drain()? {
                api.assign(job_id).await?;
            }
            api.open_jobs().await
        }
    });

    rsx! {
        h1 { "Open jobs" }
        button { onclick: move |_| jobs.restart(), "Refresh" }
        match &*jobs.read_unchecked() {
            Some(Ok(list)) => rsx! {
                for job in list.iter() {
                    JobRow { key: "{job.id}", job: job.clone() }
                }
            },
            Some(Err(e)) => rsx! { p { class: "error", "Could not load jobs: {e}" } },
            None => rsx! { p { "Loading…" } },
        }
    }
}

#[component]
fn JobRow(job: Job) -> Element {
    let api = use_context::<DispatchApi>();
    let cache = use_context::<OfflineCache>();
    let mut busy = use_signal(|| false);
    let mut note = use_signal(String::new);
    let job_id = job.id;

    rsx! {
        div { class: "job",
            span { "#{job.id} · P{job.priority} · {job.address}" }
            button {
                disabled: busy(),
                onclick: move |_| {
                    let api = api.clone();
                    let cache = cache.clone();
                    spawn(async move {
                        busy.set(true);
                        match api.assign(job_id).await {
                            Ok(()) => note.set("assigned".into()),
                            Err(_) => {
                                let _ = cache.queue_assignment(job_id);
                                note.set("offline: queued".into());
                            }
                        }
                        busy.set(false);
                    });
                },
                "Assign to me"
            }
            span { class: "note", "{note}" }
        }
    }
}
