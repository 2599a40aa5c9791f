use std::time::Duration;

use xilem::view::{button, flex, label, Axis};
use xilem::{EventLoop, WidgetView, Xilem};

mod actions;
mod incidents;

struct OpsState {
    api_base: String,
    database_url: String,
    operator: String,
    status: String,
    show_resolved: bool,
}

impl OpsState {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            api_base: std::env::var("OPS_API_BASE")?,
            database_url: std::env::var("INCIDENTS_DATABASE_URL")?,
            operator: std::env::var("USER").unwrap_or_else(|_| "oncall".into()),
            status: "ready".into(),
            show_resolved: false,
        })
    }
}

fn incident_row(
    api: &reqwest::blocking::Client,
    inc: &incidents::Incident,
) -> impl WidgetView<OpsState> {
    let restart_api = api.clone();
    let ack_api = api.clone();
    let service = inc.service.clone();
    let incident_id = inc.id;

    flex((
        label(format!("#{} [{}] {} — {}", inc.id, inc.severity, inc.service, inc.title)),
        button("Restart", move |state: &mut OpsState| {
            state.status = match actions::restart_service(&restart_api, &state.api_base, &service) {
                Ok(()) => format!("restart requested for {service}"),
                Err(e) => format!("restart of {service} failed: {e:#}"),
            };
        }),
        button("Ack", move |state: &mut OpsState| {
            state.status =
                match actions::acknowledge(&ack_api, &state.api_base, incident_id, &state.operator) {
                    Ok(()) => format!("#{incident_id} acknowledged"),
                    Err(e) => format!("ack failed: {e:#}"),
                };
        }),
    ))
    .direction(Axis::Horizontal)
}

fn app_logic(state: &mut OpsState) -> impl WidgetView<OpsState> {
    let api = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("ops-console/0.1")
        .build()
        .expect("building http client");

    let open = incidents::list_incidents(&state.database_url, state.show_resolved);
    let rows: Vec<_> = open.iter().map(|inc| incident_row(&api, inc)).collect();

    flex((
        label(format!("{} incident(s) — {}", open.len(), state.status)),
        button(
            if state.show_resolved { "Hide resolved" } else { "Show resolved" },
            |state: &mut OpsState| state.show_resolved = !state.show_resolved,
        ),
        flex(rows),
    ))
    .direction(Axis::Vertical)
}

fn main() -> anyhow::Result<()> {
    let state = OpsState::from_env()?;
    let app = Xilem::new(state, app_logic);
    app.run_windowed(EventLoop::with_user_event(), "Ops console".into())?;
    Ok(())
}
