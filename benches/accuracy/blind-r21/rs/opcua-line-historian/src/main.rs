//! Subscribes to the packaging line PLC tags over OPC UA, historises every
//! sample in Postgres and raises / clears alarms for the out-of-range tags.

mod alarms;
mod historian;

use std::sync::Arc;
use std::time::Duration;

use opcua::client::{ClientBuilder, DataChangeCallback, IdentityToken, Session};
use opcua::crypto::SecurityPolicy;
use opcua::types::{
    MessageSecurityMode, MonitoredItemCreateRequest, NodeId, StatusCode, TimestampsToReturn,
    UserTokenPolicy,
};
use tokio::sync::mpsc;

use crate::alarms::AlarmTracker;
use crate::historian::{Historian, Sample};

const LINE_TAGS: &[&str] = &[
    "Line1.Filler.Speed",
    "Line1.Filler.Temperature",
    "Line1.Capper.Torque",
    "Line1.Labeller.Rejects",
    "Line1.Conveyor.Current",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let endpoint = std::env::var("OPCUA_ENDPOINT").unwrap_or_else(|_| "opc.tcp://plc-line1:4840".into());
    let pg_url = std::env::var("HISTORIAN_PG_URL")?;
    let pager_url = std::env::var("PAGER_WEBHOOK")?;

    let historian = Historian::connect(&pg_url)?;
    let alarms = Arc::new(AlarmTracker::new(&pg_url, pager_url)?);

    let (tx, rx) = mpsc::channel::<Sample>(10_000);
    tokio::spawn(historian.run(rx));

    let mut client = ClientBuilder::new()
        .application_name("Line historian")
        .application_uri("urn:plant:line-historian")
        .product_uri("urn:plant:line-historian")
        .trust_server_certs(true)
        .create_sample_keypair(true)
        .session_retry_limit(-1)
        .client()
        .map_err(|e| anyhow::anyhow!("invalid OPC UA client config: {e:?}"))?;

    let (session, event_loop) = client
        .new_session_from_endpoint(
            (
                endpoint.as_ref(),
                SecurityPolicy::None.to_str(),
                MessageSecurityMode::None,
                UserTokenPolicy::anonymous(),
            ),
            IdentityToken::Anonymous,
        )
        .await?;
    let handle = event_loop.spawn();
    session.wait_for_connection().await;

    subscribe(session.clone(), tx, alarms).await?;
    handle.await?;
    Ok(())
}

async fn subscribe(session: Arc<Session>, tx: mpsc::Sender<Sample>, alarms: Arc<AlarmTracker>) -> Result<(), StatusCode> {
    let subscription_id = session
        .create_subscription(
            Duration::from_millis(500),
            60,
            20,
            0,
            0,
            true,
            DataChangeCallback::new(move |dv, item| {
                let tag = item.item_to_monitor().node_id.to_string();
                let value = dv.value.as_ref().and_then(|v| v.as_f64());
                let Some(value) = value else { return };
                if tx.try_send(Sample { tag: tag.clone(), value, at: chrono::Utc::now() }).is_err() {
                    log::warn!("historian queue full, dropping sample for {tag}");
                }
                let alarms = alarms.clone();
                tokio::spawn(async move {
                    if let Err(e) = alarms.evaluate(&tag, value).await {
                        log::error!("alarm evaluation for {tag} failed: {e}");
                    }
                });
            }),
        )
        .await?;

    let items: Vec<MonitoredItemCreateRequest> = LINE_TAGS
        .iter()
        .map(|t| NodeId::new(2, *t).into())
        .collect();
    session
        .create_monitored_items(subscription_id, TimestampsToReturn::Both, items)
        .await?;
    Ok(())
}
