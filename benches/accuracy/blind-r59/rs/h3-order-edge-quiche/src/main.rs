//! HTTP/3 order-status edge on quiche: one mio UDP loop, one h3 request per stream.

mod handlers;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Duration;

use quiche::h3::NameValue;
use ring::rand::SystemRandom;

use handlers::{Reply, Shared};

const MAX_DATAGRAM_SIZE: usize = 1350;

struct Client {
    conn: quiche::Connection,
    http3_conn: Option<quiche::h3::Connection>,
}

type ClientMap = HashMap<quiche::ConnectionId<'static>, Client>;

fn main() {
    env_logger::init();
    let listen: SocketAddr = std::env::var("LISTEN_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:4433".to_string())
        .parse()
        .expect("LISTEN_ADDR must be host:port");

    let shared = Shared {
        db_url: std::env::var("DATABASE_URL").expect("DATABASE_URL"),
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        http: reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("http client"),
        carrier_base: std::env::var("CARRIER_API").unwrap_or_else(|_| "https://carriers.internal".into()),
    };

    let mut buf = [0; 65535];
    let mut out = [0; MAX_DATAGRAM_SIZE];

    let mut poll = mio::Poll::new().unwrap();
    let mut events = mio::Events::with_capacity(1024);
    let mut socket = mio::net::UdpSocket::bind(listen).unwrap();
    poll.registry()
        .register(&mut socket, mio::Token(0), mio::Interest::READABLE)
        .unwrap();
    let local_addr = socket.local_addr().unwrap();

    let mut config = quiche::Config::new(quiche::PROTOCOL_VERSION).unwrap();
    config.load_cert_chain_from_pem_file("certs/edge.crt").unwrap();
    config.load_priv_key_from_pem_file("certs/edge.key").unwrap();
    config.set_application_protos(quiche::h3::APPLICATION_PROTOCOL).unwrap();
    config.set_max_idle_timeout(10_000);
    config.set_max_recv_udp_payload_size(MAX_DATAGRAM_SIZE);
    config.set_max_send_udp_payload_size(MAX_DATAGRAM_SIZE);
    config.set_initial_max_data(10_000_000);
    config.set_initial_max_stream_data_bidi_local(1_000_000);
    config.set_initial_max_stream_data_bidi_remote(1_000_000);
    config.set_initial_max_stream_data_uni(1_000_000);
    config.set_initial_max_streams_bidi(100);
    config.set_initial_max_streams_uni(100);
    let h3_config = quiche::h3::Config::new().unwrap();

    let rng = SystemRandom::new();
    let conn_id_seed = ring::hmac::Key::generate(ring::hmac::HMAC_SHA256, &rng).unwrap();
    let mut clients = ClientMap::new();
    log::info!("order edge listening on {local_addr} (h3)");

    loop {
        let timeout = clients.values().filter_map(|c| c.conn.timeout()).min();
        poll.poll(&mut events, timeout).unwrap();

        'read: loop {
            if events.is_empty() {
                clients.values_mut().for_each(|c| c.conn.on_timeout());
                break 'read;
            }
            let (len, from) = match socket.recv_from(&mut buf) {
                Ok(v) => v,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break 'read,
                Err(e) => panic!("recv_from failed: {e:?}"),
            };
            let pkt_buf = &mut buf[..len];
            let hdr = match quiche::Header::from_slice(pkt_buf, quiche::MAX_CONN_ID_LEN) {
                Ok(v) => v,
                Err(_) => continue 'read,
            };
            let conn_id = ring::hmac::sign(&conn_id_seed, &hdr.dcid);
            let conn_id: quiche::ConnectionId<'static> =
                conn_id.as_ref()[..quiche::MAX_CONN_ID_LEN].to_vec().into();

            let client = if !clients.contains_key(&hdr.dcid) && !clients.contains_key(&conn_id) {
                if hdr.ty != quiche::Type::Initial {
                    continue 'read;
                }
                let conn = quiche::accept(&conn_id, None, local_addr, from, &mut config).unwrap();
                clients.insert(conn_id.clone(), Client { conn, http3_conn: None });
                clients.get_mut(&conn_id).unwrap()
            } else {
                match clients.get_mut(&hdr.dcid) {
                    Some(v) => v,
                    None => clients.get_mut(&conn_id).unwrap(),
                }
            };

            let recv_info = quiche::RecvInfo { to: local_addr, from };
            if let Err(e) = client.conn.recv(pkt_buf, recv_info) {
                log::warn!("{} recv failed: {e:?}", client.conn.trace_id());
                continue 'read;
            }

            if (client.conn.is_in_early_data() || client.conn.is_established())
                && client.http3_conn.is_none()
            {
                match quiche::h3::Connection::with_transport(&mut client.conn, &h3_config) {
                    Ok(h3) => client.http3_conn = Some(h3),
                    Err(e) => {
                        log::error!("h3 setup failed: {e:?}");
                        continue 'read;
                    }
                }
            }

            if let Some(http3_conn) = client.http3_conn.as_mut() {
                loop {
                    match http3_conn.poll(&mut client.conn) {
                        Ok((stream_id, quiche::h3::Event::Headers { list, .. })) => {
                            let reply = dispatch(&list, &shared);
                            respond(http3_conn, &mut client.conn, stream_id, reply);
                        }
                        Ok(_) => {}
                        Err(quiche::h3::Error::Done) => break,
                        Err(e) => {
                            log::error!("h3 poll failed: {e:?}");
                            break;
                        }
                    }
                }
            }
        }

        for client in clients.values_mut() {
            loop {
                let (write, send_info) = match client.conn.send(&mut out) {
                    Ok(v) => v,
                    Err(quiche::Error::Done) => break,
                    Err(e) => {
                        log::error!("send failed: {e:?}");
                        client.conn.close(false, 0x1, b"fail").ok();
                        break;
                    }
                };
                if let Err(e) = socket.send_to(&out[..write], send_info.to) {
                    if e.kind() == std::io::ErrorKind::WouldBlock {
                        break;
                    }
                    panic!("send_to failed: {e:?}");
                }
            }
        }
        clients.retain(|_, c| !c.conn.is_closed());
    }
}

fn dispatch(headers: &[quiche::h3::Header], shared: &Shared) -> Reply {
    let mut method = "";
    let mut path = "";
    for h in headers {
        match h.name() {
            b":method" => method = std::str::from_utf8(h.value()).unwrap_or(""),
            b":path" => path = std::str::from_utf8(h.value()).unwrap_or(""),
            _ => {}
        }
    }
    handlers::route(method, path, shared)
}

fn respond(
    h3: &mut quiche::h3::Connection,
    conn: &mut quiche::Connection,
    stream_id: u64,
    reply: Reply,
) {
    let headers = vec![
        quiche::h3::Header::new(b":status", reply.status.to_string().as_bytes()),
        quiche::h3::Header::new(b"content-type", reply.content_type.as_bytes()),
        quiche::h3::Header::new(b"content-length", reply.body.len().to_string().as_bytes()),
    ];
    if let Err(e) = h3.send_response(conn, stream_id, &headers, false) {
        log::warn!("send_response on stream {stream_id}: {e:?}");
        return;
    }
    if let Err(e) = h3.send_body(conn, stream_id, &reply.body, true) {
        log::warn!("send_body on stream {stream_id}: {e:?}");
    }
}
