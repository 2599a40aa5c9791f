//! Worker process: follows the carrier's server-sent-events tracking feed and
//! applies every event to the shipments table.

use std::time::Duration;

use futures_util::StreamExt;
use reqwest_eventsource::{Event, EventSource};
use shipments::db;
use shipments::model::{apply_event, CarrierEvent};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let feed_url = std::env::var("CARRIER_FEED_URL")?;
    let token = std::env::var("CARRIER_API_TOKEN")?;

    let pool = db::make_pool(4).await?;
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()?;

    let mut last_id: Option<String> = sqlx::query_scalar("SELECT v FROM feed_cursor WHERE k = 'carrier'")
        .fetch_optional(&pool)
        .await?;

    loop {
        let mut request = http.get(&feed_url).bearer_auth(&token);
        if let Some(id) = &last_id {
            request = request.header("Last-Event-ID", id);
        }
        let mut es = EventSource::new(request)?;

        while let Some(event) = es.next().await {
            match event {
                Ok(Event::Open) => tracing::info!("carrier feed connected"),
                Ok(Event::Message(msg)) if msg.event == "tracking" => {
                    let ev: CarrierEvent = match serde_json::from_str(&msg.data) {
                        Ok(ev) => ev,
                        Err(e) => {
                            tracing::warn!("bad tracking payload {}: {e}", msg.id);
                            continue;
                        }
                    };
                    apply_event(&pool, &ev).await?;
                    sqlx::query(
                        "INSERT INTO feed_cursor (k, v) VALUES ('carrier', $1) \
                         ON CONFLICT (k) DO UPDATE SET v = $1",
                    )
                    .bind(&msg.id)
                    .execute(&pool)
                    .await?;
                    last_id = Some(msg.id);
                }
                Ok(Event::Message(_)) => {}
                Err(e) => {
                    tracing::warn!("carrier feed error: {e}");
                    es.close();
                }
            }
        }

        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}
