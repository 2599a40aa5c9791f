use std::io::ErrorKind;
use std::net::UdpSocket;
use std::time::Instant;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::{Deserialize, Serialize};
use str0m::channel::ChannelData;
use str0m::net::{Protocol, Receive};
use str0m::{Event, IceConnectionState, Input, Output, Rtc};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;
type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

#[derive(Deserialize)]
struct Reading {
    sensor: String,
    value: f64,
    ts_ms: i64,
}

#[derive(Serialize)]
struct IngestPoint<'a> {
    device: &'a str,
    sensor: &'a str,
    value: f64,
    ts_ms: i64,
}

/// One connected field device. Devices stay connected for days.
pub struct Peer {
    rtc: Rtc,
    socket: UdpSocket,
    device_id: String,
    pool: PgPool,
    db: Option<PgConn>,
    ingest_url: String,
}

impl Peer {
    pub fn new(rtc: Rtc, socket: UdpSocket, device_id: String, pool: PgPool, ingest_url: String) -> Self {
        Self { rtc, socket, device_id, pool, db: None, ingest_url }
    }

    fn on_connected(&mut self) -> anyhow::Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "UPDATE devices SET online = true, last_seen = now() WHERE id = $1",
            &[&self.device_id],
        )?;
        self.db = Some(conn);
        log::info!("device {} connected", self.device_id);
        Ok(())
    }

    fn on_data(&mut self, data: ChannelData) -> anyhow::Result<()> {
        let reading: Reading = serde_json::from_slice(&data.data)?;

        let http = reqwest::blocking::Client::new();
        http.post(&self.ingest_url)
            .json(&IngestPoint {
                device: &self.device_id,
                sensor: &reading.sensor,
                value: reading.value,
                ts_ms: reading.ts_ms,
            })
            .send()?
            .error_for_status()?;

        if let Some(conn) = self.db.as_mut() {
            conn.execute("UPDATE devices SET last_seen = now() WHERE id = $1", &[&self.device_id])?;
        }
        if let Some(mut channel) = self.rtc.channel(data.id) {
            channel.write(false, b"ok")?;
        }
        Ok(())
    }

    pub fn run(&mut self) -> anyhow::Result<()> {
        let mut buf = vec![0u8; 2000];
        loop {
            let deadline = match self.rtc.poll_output()? {
                Output::Timeout(t) => t,
                Output::Transmit(t) => {
                    self.socket.send_to(&t.contents, t.destination)?;
                    continue;
                }
                Output::Event(event) => {
                    match event {
                        Event::Connected => self.on_connected()?,
                        Event::ChannelData(data) => {
                            if let Err(e) = self.on_data(data) {
                                log::warn!("device {}: dropped reading: {e:#}", self.device_id);
                            }
                        }
                        Event::IceConnectionStateChange(IceConnectionState::Disconnected) => {
                            if let Some(conn) = self.db.as_mut() {
                                conn.execute("UPDATE devices SET online = false WHERE id = $1", &[&self.device_id])?;
                            }
                            return Ok(());
                        }
                        _ => {}
                    }
                    continue;
                }
            };

            let wait = deadline.saturating_duration_since(Instant::now());
            if wait.is_zero() {
                self.rtc.handle_input(Input::Timeout(Instant::now()))?;
                continue;
            }
            self.socket.set_read_timeout(Some(wait))?;
            buf.resize(2000, 0);

            let input = match self.socket.recv_from(&mut buf) {
                Ok((n, source)) => {
                    buf.truncate(n);
                    Input::Receive(
                        Instant::now(),
                        Receive {
                            proto: Protocol::Udp,
                            source,
                            destination: self.socket.local_addr()?,
                            contents: buf.as_slice().try_into()?,
                        },
                    )
                }
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    Input::Timeout(Instant::now())
                }
                Err(e) => return Err(e.into()),
            };
            self.rtc.handle_input(input)?;
        }
    }
}
