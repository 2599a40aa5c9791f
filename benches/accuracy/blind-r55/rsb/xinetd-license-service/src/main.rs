//! xinetd (wait = no) forks one `licensed` process per accepted TCP connection, with
//! the socket as stdin/stdout. A workstation keeps its connection open for the whole
//! CAD session and sends one command per line:
//!
//!   CHECK <serial> <seat>     -> OK <expires> | DENIED <reason>
//!   RELEASE <serial> <seat>   -> OK
//!   QUIT
//!
//! The process owns its database connection and Redis connection for that one TCP
//! connection and closes them when the workstation hangs up.

use std::io::{self, BufRead, Write};

mod store;

use store::{Decision, Store};

fn handle(store: &mut Store, line: &str) -> String {
    let mut parts = line.split_whitespace();
    let cmd = parts.next().unwrap_or("").to_ascii_uppercase();
    let serial = parts.next();
    let seat = parts.next();

    match (cmd.as_str(), serial, seat) {
        ("CHECK", Some(serial), Some(seat)) => match store.check(serial, seat) {
            Ok(Decision::Granted { expires }) => format!("OK {expires}"),
            Ok(Decision::Denied(reason)) => format!("DENIED {reason}"),
            Err(e) => {
                eprintln!("licensed: check {serial}: {e}");
                "ERR backend".to_string()
            }
        },
        ("RELEASE", Some(serial), Some(seat)) => match store.release(serial, seat) {
            Ok(()) => "OK".to_string(),
            Err(e) => {
                eprintln!("licensed: release {serial}: {e}");
                "ERR backend".to_string()
            }
        },
        _ => "ERR syntax".to_string(),
    }
}

fn main() {
    let peer = std::env::var("REMOTE_HOST").unwrap_or_else(|_| "unknown".into());

    let mut store = match Store::open(&peer) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("licensed: backend unavailable for {peer}: {e}");
            println!("ERR unavailable");
            return;
        }
    };

    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.eq_ignore_ascii_case("QUIT") {
            break;
        }
        let reply = handle(&mut store, line);
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }

    store.close();
}
