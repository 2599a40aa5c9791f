use std::env;

use postgres::{Client, NoTls};

fn database_url() -> String {
    env::var("FOCUS_DATABASE_URL")
        .unwrap_or_else(|_| "host=/run/postgresql user=focus dbname=focus".to_string())
}

/// Opens a connection to the time-tracking database.
pub fn connect() -> Result<Client, postgres::Error> {
    Client::connect(&database_url(), NoTls)
}

pub fn record_focus(
    client: &mut Client,
    app_id: &str,
    title: &str,
    workspace_id: Option<u64>,
) -> Result<u64, postgres::Error> {
    let workspace = workspace_id.map(|w| w as i64);
    client.execute(
        "INSERT INTO focus_events (app_id, title, workspace_id, focused_at) \
         VALUES ($1, $2, $3, now())",
        &[&app_id, &title, &workspace],
    )
}
