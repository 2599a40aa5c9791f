mod clients;
mod device;

use std::collections::HashMap;
use std::time::Duration;

use coerce::actor::system::ActorSystem;
use coerce::actor::{IntoActor, LocalActorRef};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::device::{DeviceActor, Flush, Reading};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let redis = clients::redis_pool()?;
    let pg = clients::pg_pool()?;
    let system = ActorSystem::new();

    let mut devices: HashMap<String, LocalActorRef<DeviceActor>> = HashMap::new();
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut minute = tokio::time::interval(Duration::from_secs(60));

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else { break };
                // "thermo/<device>/reading 21.7"
                let Some((topic, payload)) = line.split_once(' ') else { continue };
                let Some(id) = topic.split('/').nth(1) else { continue };
                let Ok(temp_c) = payload.trim().parse::<f64>() else { continue };

                if !devices.contains_key(id) {
                    let actor = DeviceActor::new(id.to_string(), redis.clone(), pg.clone())
                        .into_actor(Some(format!("device-{id}")), &system)
                        .await?;
                    devices.insert(id.to_string(), actor);
                }
                if let Some(actor) = devices.get(id) {
                    let _ = actor.notify(Reading { temp_c });
                }
            }
            _ = minute.tick() => {
                for actor in devices.values() {
                    let _ = actor.notify(Flush);
                }
            }
        }
    }

    for actor in devices.values() {
        let _ = actor.send(Flush).await;
    }
    system.shutdown().await;
    Ok(())
}
