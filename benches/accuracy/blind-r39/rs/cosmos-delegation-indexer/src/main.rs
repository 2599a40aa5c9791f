mod alerts;
mod rewards;
mod store;

use futures::StreamExt;
use tendermint_rpc::query::{EventType, Query};
use tendermint_rpc::{SubscriptionClient, WebSocketClient};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let rpc = std::env::var("COMET_WS").unwrap_or_else(|_| "ws://127.0.0.1:26657/websocket".into());
    let pool = store::make_pool().await?;

    let (client, driver) = WebSocketClient::new(rpc.as_str()).await?;
    let driver_handle = tokio::spawn(async move { driver.run().await });

    let query = Query::from(EventType::Tx).and_exists("delegate.validator");
    let mut txs = client.subscribe(query).await?;
    let mut unbonds = client.subscribe(Query::from(EventType::Tx).and_exists("unbond.validator")).await?;

    loop {
        tokio::select! {
            Some(ev) = txs.next() => {
                let ev = ev?;
                let events = ev.events.unwrap_or_default();
                let delegation = store::Delegation::from_events(&events);
                for d in delegation {
                    store::insert_delegation(&pool, &d).await?;
                    rewards::bump_validator_stake(&d.validator, d.amount).await?;
                    if d.amount >= alerts::WHALE_THRESHOLD {
                        alerts::whale_delegation(&d).await?;
                    }
                }
            }
            Some(ev) = unbonds.next() => {
                let ev = ev?;
                let events = ev.events.unwrap_or_default();
                for d in store::Delegation::unbonds_from_events(&events) {
                    store::insert_unbond(&pool, &d).await?;
                    rewards::bump_validator_stake(&d.validator, -d.amount).await?;
                }
            }
            else => break,
        }
    }

    client.close()?;
    let _ = driver_handle.await;
    Ok(())
}
