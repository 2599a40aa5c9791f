use std::net::UdpSocket;

use syslog_hub::db;
use syslog_loose::{parse_message, Variant};

fn main() -> std::io::Result<()> {
    env_logger::init();
    let pool = db::make_pool(4);

    let socket = UdpSocket::bind("0.0.0.0:5514")?;
    let mut buf = [0u8; 8192];
    log::info!("syslog ingest on udp/5514");

    loop {
        let (len, peer) = socket.recv_from(&mut buf)?;
        let text = match std::str::from_utf8(&buf[..len]) {
            Ok(t) => t.trim_end(),
            Err(_) => continue,
        };
        let msg = parse_message(text, Variant::Either);
        let host = msg.hostname.map(str::to_owned).unwrap_or_else(|| peer.ip().to_string());
        let severity = msg.severity.map(|s| s as i32).unwrap_or(6);
        let appname = msg.appname.map(str::to_owned);

        let mut conn = match pool.get() {
            Ok(c) => c,
            Err(e) => {
                log::error!("no db connection, dropping datagram from {}: {}", peer, e);
                continue;
            }
        };
        if let Err(e) = conn.execute(
            "INSERT INTO syslog_events (host, appname, severity, message, received_at)
             VALUES ($1, $2, $3, $4, now())",
            &[&host, &appname, &severity, &msg.msg],
        ) {
            log::error!("insert failed: {}", e);
        }
    }
}
