//! Smart meters connect straight to this MQTT endpoint. Credentials are
//! checked against the provisioning set in Redis; readings go to MongoDB.

mod readings;

use ntex::service::{fn_factory_with_config, fn_service};
use ntex::util::Ready;
use ntex_mqtt::{v3, MqttServer};
use redis::AsyncCommands;

#[derive(Clone, Debug)]
pub struct MeterSession {
    pub meter_id: String,
}

#[derive(Debug)]
pub struct BridgeError;

impl From<()> for BridgeError {
    fn from(_: ()) -> Self {
        BridgeError
    }
}

impl From<redis::RedisError> for BridgeError {
    fn from(e: redis::RedisError) -> Self {
        log::error!("redis: {e}");
        BridgeError
    }
}

impl From<mongodb::error::Error> for BridgeError {
    fn from(e: mongodb::error::Error) -> Self {
        log::error!("mongodb: {e}");
        BridgeError
    }
}

async fn handshake(
    handshake: v3::Handshake,
) -> Result<v3::HandshakeAck<MeterSession>, BridgeError> {
    let packet = handshake.packet();
    let meter_id = packet.client_id.to_string();
    let secret = packet
        .password
        .as_ref()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .unwrap_or_default();

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_multiplexed_async_connection().await?;
    let expected: Option<String> = con.hget("meters:secrets", &meter_id).await?;

    if expected.as_deref() != Some(secret.as_str()) {
        log::warn!("rejected meter {meter_id}");
        return Ok(handshake.bad_username_or_pwd());
    }
    Ok(handshake.ack(MeterSession { meter_id }, false))
}

async fn publish(
    session: v3::Session<MeterSession>,
    publish: v3::Publish,
) -> Result<(), BridgeError> {
    let reading = match readings::parse(publish.topic().path(), publish.payload()) {
        Some(r) => r,
        None => return Ok(()),
    };

    let mongo = mongodb::Client::with_uri_str(
        std::env::var("MONGO_URL").unwrap_or_else(|_| "mongodb://127.0.0.1:27017".into()),
    )
    .await?;
    mongo
        .database("metering")
        .collection::<readings::Reading>("readings")
        .insert_one(reading.for_meter(&session.state().meter_id))
        .await?;
    Ok(())
}

#[ntex::main]
async fn main() -> std::io::Result<()> {
    env_logger::init();

    ntex::server::build()
        .bind("mqtt", "0.0.0.0:1883", |_| {
            MqttServer::new(handshake)
                .publish(fn_factory_with_config(|session: v3::Session<MeterSession>| {
                    Ready::Ok::<_, BridgeError>(fn_service(move |req| publish(session.clone(), req)))
                }))
                .finish()
        })?
        .workers(2)
        .run()
        .await
}
