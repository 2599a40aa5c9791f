//! Terminating MQTT-SN gateway: the battery-powered 6LoWPAN motes in the
//! cold rooms speak MQTT-SN over UDP to the border router, which forwards to us
//! on port 1884. We terminate the protocol here instead of bridging to a
//! broker: readings go to ClickHouse, device/topic state and alarms to Postgres.
mod alarms;
mod packet;
mod readings;
mod registry;

use std::collections::HashMap;
use std::net::SocketAddr;

use anyhow::Context;
use tokio::net::UdpSocket;

use packet::Packet;

struct Mote {
    client_id: String,
    topics: HashMap<u16, String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db_url = std::env::var("SENSORS_DB_URL").context("SENSORS_DB_URL")?;
    let ch_url = std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse.wh.lan:8123".into());

    let registry = registry::Registry::connect(&db_url)?;
    let alarms = alarms::Alarms::connect(&db_url)?;

    let socket = UdpSocket::bind("0.0.0.0:1884").await?;
    let mut motes: HashMap<SocketAddr, Mote> = HashMap::new();
    let mut buf = [0u8; 1500];

    loop {
        let (n, peer) = socket.recv_from(&mut buf).await?;
        let Some(pkt) = Packet::decode(&buf[..n]) else { continue };

        let reply = match pkt {
            Packet::Connect { client_id, .. } => {
                let ok = registry.is_enrolled(&client_id).await.unwrap_or(false);
                if ok {
                    let topics = registry.topics_for(&client_id).await.unwrap_or_default();
                    motes.insert(peer, Mote { client_id, topics });
                }
                Some(Packet::ConnAck { code: if ok { 0x00 } else { 0x03 } })
            }
            Packet::Register { msg_id, topic, .. } => match motes.get_mut(&peer) {
                Some(m) => match registry.register_topic(&m.client_id, &topic).await {
                    Ok(id) => {
                        m.topics.insert(id, topic);
                        Some(Packet::RegAck { topic_id: id, msg_id, code: 0x00 })
                    }
                    Err(e) => {
                        eprintln!("register {topic} for {}: {e:#}", m.client_id);
                        Some(Packet::RegAck { topic_id: 0, msg_id, code: 0x02 })
                    }
                },
                None => Some(Packet::Disconnect),
            },
            Packet::Publish { qos, topic_id, msg_id, data } => {
                let Some(m) = motes.get(&peer) else {
                    socket.send_to(&Packet::Disconnect.encode(), peer).await?;
                    continue;
                };
                let Some(topic) = m.topics.get(&topic_id) else {
                    let nack = Packet::PubAck { topic_id, msg_id, code: 0x02 };
                    socket.send_to(&nack.encode(), peer).await?;
                    continue;
                };
                let value: Option<f64> = std::str::from_utf8(&data).ok().and_then(|s| s.trim().parse().ok());
                if let Some(v) = value {
                    if let Err(e) = readings::store(&ch_url, &m.client_id, topic, v).await {
                        eprintln!("clickhouse insert for {}: {e:#}", m.client_id);
                    }
                    if let Err(e) = alarms.check(&m.client_id, topic, v).await {
                        eprintln!("alarm check for {}: {e:#}", m.client_id);
                    }
                }
                (qos == 1).then_some(Packet::PubAck { topic_id, msg_id, code: 0x00 })
            }
            Packet::PingReq => Some(Packet::PingResp),
            Packet::Disconnect => {
                motes.remove(&peer);
                Some(Packet::Disconnect)
            }
            _ => None,
        };

        if let Some(r) = reply {
            socket.send_to(&r.encode(), peer).await?;
        }
    }
}
