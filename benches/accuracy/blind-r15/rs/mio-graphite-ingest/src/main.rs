mod store;

use std::collections::HashMap;
use std::io::{self, Read};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};

const LISTENER: Token = Token(0);

struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut store = store::Store::connect()?;

    let mut poll = Poll::new()?;
    let mut events = Events::with_capacity(256);
    let addr = std::env::var("INGEST_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:2003".into())
        .parse()?;
    let mut listener = TcpListener::bind(addr)?;
    poll.registry().register(&mut listener, LISTENER, Interest::READABLE)?;

    let mut conns: HashMap<Token, Conn> = HashMap::new();
    let mut next_token = 1usize;

    loop {
        poll.poll(&mut events, None)?;
        for event in events.iter() {
            match event.token() {
                LISTENER => loop {
                    match listener.accept() {
                        Ok((mut stream, _peer)) => {
                            let token = Token(next_token);
                            next_token += 1;
                            poll.registry().register(&mut stream, token, Interest::READABLE)?;
                            conns.insert(token, Conn { stream, buf: Vec::new() });
                        }
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                        Err(e) => return Err(e.into()),
                    }
                },
                token => {
                    let closed = match conns.get_mut(&token) {
                        Some(conn) => drain(conn, &mut store),
                        None => false,
                    };
                    if closed {
                        if let Some(mut conn) = conns.remove(&token) {
                            poll.registry().deregister(&mut conn.stream)?;
                        }
                    }
                }
            }
        }
    }
}

/// Reads what is available and handles complete lines: "<path> <value> <timestamp>\n".
/// Returns true when the peer closed the connection.
fn drain(conn: &mut Conn, store: &mut store::Store) -> bool {
    let mut chunk = [0u8; 4096];
    let mut closed = false;
    loop {
        match conn.stream.read(&mut chunk) {
            Ok(0) => {
                closed = true;
                break;
            }
            Ok(n) => conn.buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
            Err(_) => {
                closed = true;
                break;
            }
        }
    }
    while let Some(pos) = conn.buf.iter().position(|b| *b == b'\n') {
        let raw: Vec<u8> = conn.buf.drain(..=pos).collect();
        let line = String::from_utf8_lossy(&raw);
        let mut parts = line.split_whitespace();
        if let (Some(path), Some(value), Some(ts)) = (parts.next(), parts.next(), parts.next()) {
            if let (Ok(v), Ok(t)) = (value.parse::<f64>(), ts.parse::<i64>()) {
                if let Err(e) = store.write(path, v, t) {
                    eprintln!("write failed for {path}: {e}");
                }
            }
        }
    }
    closed
}
