mod clients;
mod store;

use std::collections::HashMap;

use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use bollard::system::EventsOptions;
use bollard::Docker;
use futures::StreamExt;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let docker = Docker::connect_with_local_defaults()?;
    let default_region = std::env::var("AWS_REGION").unwrap_or_else(|_| "eu-west-1".into());

    let mut filters = HashMap::new();
    filters.insert("type", vec!["container"]);
    filters.insert("event", vec!["start", "die", "oom", "kill"]);
    let mut events = docker.events(Some(EventsOptions::<&str> { since: None, until: None, filters }));

    while let Some(item) = events.next().await {
        let ev = match item {
            Ok(ev) => ev,
            Err(e) => {
                tracing::warn!(error = %e, "docker event stream error");
                continue;
            }
        };
        let action = ev.action.clone().unwrap_or_default();
        let actor = ev.actor.unwrap_or_default();
        let attrs = actor.attributes.unwrap_or_default();
        let container = attrs
            .get("name")
            .cloned()
            .unwrap_or_else(|| actor.id.clone().unwrap_or_default());
        let region = attrs.get("logs.region").cloned().unwrap_or_else(|| default_region.clone());
        let group = attrs.get("logs.group").cloned().unwrap_or_else(|| "/docker/lifecycle".into());
        let ts = ev.time.unwrap_or_default();

        let db = store::db().await?;
        store::record(db, &container, &action, ts).await?;

        // containers may ask for their events to land in another region's log group
        let logs = clients::logs_for(&region).await;
        let entry = InputLogEvent::builder()
            .timestamp(ts * 1000)
            .message(format!("{container} {action}"))
            .build()?;
        if let Err(e) = logs
            .put_log_events()
            .log_group_name(&group)
            .log_stream_name(&container)
            .log_events(entry)
            .send()
            .await
        {
            tracing::error!(error = %e, %container, "failed to ship lifecycle event");
        }
    }
    Ok(())
}
