//! One POS terminal connection: newline-delimited commands
//! `REDEEM <code> <store_id> <terminal>` answered with one line each.

use crate::store::{self, Pool, Verdict};
use monoio::io::{AsyncReadRent, AsyncWriteRentExt};
use monoio::net::TcpStream;
use std::net::SocketAddr;

pub async fn serve(mut stream: TcpStream, peer: SocketAddr, pool: Pool, audit: ureq::Agent) {
    let mut pending = Vec::<u8>::new();
    let mut buf = vec![0u8; 4096];
    loop {
        let (res, b) = stream.read(buf).await;
        buf = b;
        let n = match res {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        pending.extend_from_slice(&buf[..n]);
        while let Some(pos) = pending.iter().position(|&c| c == b'\n') {
            let line: Vec<u8> = pending.drain(..=pos).collect();
            let line = String::from_utf8_lossy(&line).trim().to_owned();
            let reply = handle(&line, &pool, &audit).await;
            let (res, _) = stream.write_all(format!("{reply}\n").into_bytes()).await;
            if res.is_err() {
                eprintln!("{peer}: write failed, closing");
                return;
            }
        }
    }
}

async fn handle(line: &str, pool: &Pool, audit: &ureq::Agent) -> String {
    let parts: Vec<&str> = line.split_whitespace().collect();
    let ["REDEEM", code, store_id, terminal] = parts.as_slice() else {
        return "ERR syntax".into();
    };
    let Ok(store_id) = store_id.parse::<i32>() else { return "ERR store".into() };
    let (code, terminal) = (code.to_string(), terminal.to_string());
    let (pool, audit) = (pool.clone(), audit.clone());

    let verdict = monoio::spawn_blocking(move || {
        let verdict = store::redeem(&pool, &code, store_id, &terminal);
        if let Ok(Verdict::Ok { discount_cents }) = &verdict {
            let _ = audit
                .post(&std::env::var("AUDIT_URL").unwrap_or_else(|_| "http://audit.pos.internal/v1/redemptions".into()))
                .send_json(serde_json::json!({ "code": code, "store": store_id, "terminal": terminal, "cents": discount_cents }));
        }
        verdict
    })
    .await;

    match verdict {
        Ok(Ok(Verdict::Ok { discount_cents })) => format!("OK {discount_cents}"),
        Ok(Ok(Verdict::Expired)) => "NO expired".into(),
        Ok(Ok(Verdict::Used)) => "NO used".into(),
        Ok(Ok(Verdict::Unknown)) => "NO unknown".into(),
        Ok(Err(e)) => format!("ERR {e}"),
        Err(_) => "ERR internal".into(),
    }
}
