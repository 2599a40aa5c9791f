//! Gy online charging server. The PGW/PCEF of the host MNO opens a long-lived
//! Diameter connection to us; every data session produces a CCR-Initial, a
//! CCR-Update each time the granted quota is used up, and a CCR-Termination.
mod avp;
mod balance;
mod cdr;
mod notify;

use std::sync::Arc;

use anyhow::Context;
use bytes::BytesMut;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;

use avp::{Avp, Message};

const ORIGIN_HOST: &str = "ocs01.mvno.example";
const ORIGIN_REALM: &str = "mvno.example";
const GY_APP_ID: u32 = 4;
const QUOTA_CHUNK: u64 = 10 * 1024 * 1024;

struct Ocs {
    pool: PgPool,
    cdrs: Mutex<cdr::CdrWriter>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("OCS_DATABASE_URL").context("OCS_DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(16).connect(&url).await?;
    let cdrs = cdr::CdrWriter::new(&pool).await?;
    let ocs = Arc::new(Ocs { pool, cdrs: Mutex::new(cdrs) });

    let listener = TcpListener::bind("0.0.0.0:3868").await?;
    loop {
        let (socket, peer) = listener.accept().await?;
        let ocs = Arc::clone(&ocs);
        tokio::spawn(async move {
            if let Err(e) = serve_peer(ocs, socket).await {
                eprintln!("diameter peer {peer}: {e:#}");
            }
        });
    }
}

async fn serve_peer(ocs: Arc<Ocs>, mut socket: TcpStream) -> anyhow::Result<()> {
    let mut buf = BytesMut::with_capacity(8192);
    loop {
        while let Some(msg) = Message::parse(&mut buf) {
            if msg.flags & avp::FLAG_REQUEST == 0 {
                continue; // answers to our own DWRs
            }
            let answer = handle(&ocs, &msg).await;
            socket.write_all(&answer).await?;
        }
        if socket.read_buf(&mut buf).await? == 0 {
            return Ok(());
        }
    }
}

fn base_answer(result: u32) -> Vec<Avp> {
    vec![
        Avp::u32(avp::AVP_RESULT_CODE, result),
        Avp::utf8(avp::AVP_ORIGIN_HOST, ORIGIN_HOST),
        Avp::utf8(avp::AVP_ORIGIN_REALM, ORIGIN_REALM),
    ]
}

async fn handle(ocs: &Ocs, msg: &Message) -> BytesMut {
    match msg.command {
        avp::CMD_CAPABILITIES_EXCHANGE => {
            let mut avps = base_answer(2001);
            avps.push(Avp::u32(avp::AVP_AUTH_APPLICATION_ID, GY_APP_ID));
            msg.answer(avps)
        }
        avp::CMD_DEVICE_WATCHDOG => msg.answer(base_answer(2001)),
        avp::CMD_CREDIT_CONTROL => match credit_control(ocs, msg).await {
            Ok(avps) => msg.answer(avps),
            Err(e) => {
                eprintln!("CCR failed: {e:#}");
                msg.answer(base_answer(5012)) // DIAMETER_UNABLE_TO_COMPLY
            }
        },
        _ => msg.answer(base_answer(3001)), // DIAMETER_COMMAND_UNSUPPORTED
    }
}

async fn credit_control(ocs: &Ocs, msg: &Message) -> anyhow::Result<Vec<Avp>> {
    let session = msg.avp(avp::AVP_SESSION_ID).and_then(Avp::as_str).unwrap_or_default().to_string();
    let req_type = msg.avp(avp::AVP_CC_REQUEST_TYPE).and_then(Avp::as_u32).unwrap_or(0);
    let req_number = msg.avp(avp::AVP_CC_REQUEST_NUMBER).and_then(Avp::as_u32).unwrap_or(0);
    let msisdn = msg
        .avp(avp::AVP_SUBSCRIPTION_ID)
        .map(Avp::children)
        .and_then(|c| c.iter().find(|a| a.code == avp::AVP_SUBSCRIPTION_ID_DATA).and_then(|a| a.as_str().map(String::from)))
        .context("no Subscription-Id-Data")?;
    let used = msg
        .avp(avp::AVP_USED_SERVICE_UNIT)
        .map(Avp::children)
        .and_then(|c| c.iter().find(|a| a.code == avp::AVP_CC_TOTAL_OCTETS).and_then(Avp::as_u64))
        .unwrap_or(0);

    let mut avps = vec![Avp::utf8(avp::AVP_SESSION_ID, &session)];
    let outcome = balance::settle_and_reserve(&ocs.pool, &msisdn, &session, used, req_type != 3, QUOTA_CHUNK).await?;
    ocs.cdrs.lock().await.write(&session, &msisdn, req_type, used).await?;

    if outcome.remaining < 50 * 1024 * 1024 && outcome.crossed_threshold {
        notify::low_balance(&msisdn, outcome.remaining).await;
    }

    let result = if req_type != 3 && outcome.granted == 0 { 4012 } else { 2001 };
    avps.extend(base_answer(result));
    avps.push(Avp::u32(avp::AVP_AUTH_APPLICATION_ID, GY_APP_ID));
    avps.push(Avp::u32(avp::AVP_CC_REQUEST_TYPE, req_type));
    avps.push(Avp::u32(avp::AVP_CC_REQUEST_NUMBER, req_number));
    if outcome.granted > 0 {
        avps.push(Avp::grouped(
            avp::AVP_GRANTED_SERVICE_UNIT,
            &[Avp::u64(avp::AVP_CC_TOTAL_OCTETS, outcome.granted)],
        ));
    }
    Ok(avps)
}
