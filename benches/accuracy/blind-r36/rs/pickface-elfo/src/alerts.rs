use elfo::prelude::*;
use redis::AsyncCommands;
use serde::Deserialize;
use tracing::warn;

use crate::protocol::ShortPick;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub redis_url: String,
    pub slack_webhook: String,
}

pub fn new() -> Blueprint {
    ActorGroup::new().config::<Config>().exec(|mut ctx| async move {
        while let Some(envelope) = ctx.recv().await {
            msg!(match envelope {
                ShortPick { sku, station, missing } => {
                    let payload = serde_json::json!({ "sku": sku, "station": station, "missing": missing });

                    // Floor displays subscribe to this channel.
                    let redis = match redis::Client::open(ctx.config().redis_url.as_str()) {
                        Ok(client) => client,
                        Err(e) => {
                            warn!(error = %e, "bad redis url");
                            continue;
                        }
                    };
                    if let Ok(mut con) = redis.get_multiplexed_async_connection().await {
                        let _: redis::RedisResult<i64> =
                            con.publish("dc2:short-picks", payload.to_string()).await;
                    }

                    let http = reqwest::Client::new();
                    let text = format!("Short pick at station {station}: {sku} missing {missing}");
                    if let Err(e) = http
                        .post(&ctx.config().slack_webhook)
                        .json(&serde_json::json!({ "text": text }))
                        .send()
                        .await
                    {
                        warn!(error = %e, "slack notify failed");
                    }
                }
            });
        }
    })
}
