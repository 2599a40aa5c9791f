mod optout;
mod pdu;
mod webhook;

use std::env;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

use pdu::{DeliverSm, Pdu};

const BIND_TRANSCEIVER_RESP: u32 = 0x8000_0009;
const DELIVER_SM: u32 = 0x0000_0005;
const ENQUIRE_LINK: u32 = 0x0000_0015;
const ENQUIRE_LINK_RESP: u32 = 0x8000_0015;
const UNBIND: u32 = 0x0000_0006;
const UNBIND_RESP: u32 = 0x8000_0006;
const GENERIC_NACK: u32 = 0x8000_0000;
const ESME_RINVCMDID: u32 = 0x0000_0003;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let smsc = env::var("SMSC_ADDR").unwrap_or_else(|_| "smsc.carrier.example:2775".into());
    let system_id = env::var("SMPP_SYSTEM_ID").context("SMPP_SYSTEM_ID")?;
    let password = env::var("SMPP_PASSWORD").context("SMPP_PASSWORD")?;

    let stream = TcpStream::connect(&smsc).await?;
    let (mut rd, mut wr) = stream.into_split();
    wr.write_all(&Pdu::bind_transceiver(1, &system_id, &password, "OPTOUT").encode()).await?;
    let resp = Pdu::read_from(&mut rd).await?;
    if resp.command_id != BIND_TRANSCEIVER_RESP || resp.command_status != 0 {
        bail!("bind_transceiver rejected: status 0x{:08x}", resp.command_status);
    }
    tracing::info!(%smsc, "bound as transceiver");

    // single writer: every PDU we send goes through this channel
    let (tx, mut rx) = mpsc::channel::<Pdu>(256);
    tokio::spawn(async move {
        while let Some(pdu) = rx.recv().await {
            if wr.write_all(&pdu.encode()).await.is_err() {
                break;
            }
        }
    });

    let keepalive = tx.clone();
    tokio::spawn(async move {
        let mut seq = 1_000_000u32;
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            seq += 1;
            if keepalive.send(Pdu::empty(ENQUIRE_LINK, 0, seq)).await.is_err() {
                break;
            }
        }
    });

    loop {
        let pdu = Pdu::read_from(&mut rd).await?;
        match pdu.command_id {
            DELIVER_SM => {
                tx.send(Pdu::deliver_sm_resp(pdu.sequence_number)).await?;
                let sm = match DeliverSm::parse(&pdu.body) {
                    Ok(sm) => sm,
                    Err(e) => {
                        tracing::warn!(error = %e, "unparseable deliver_sm");
                        continue;
                    }
                };
                if sm.is_delivery_receipt() {
                    continue;
                }
                tokio::spawn(async move {
                    if let Err(e) = handle_mo(sm).await {
                        tracing::error!(error = %e, "MO handling failed");
                    }
                });
            }
            ENQUIRE_LINK => tx.send(Pdu::empty(ENQUIRE_LINK_RESP, 0, pdu.sequence_number)).await?,
            ENQUIRE_LINK_RESP => {}
            UNBIND => {
                tx.send(Pdu::empty(UNBIND_RESP, 0, pdu.sequence_number)).await?;
                bail!("SMSC sent unbind");
            }
            _ => tx.send(Pdu::empty(GENERIC_NACK, ESME_RINVCMDID, pdu.sequence_number)).await?,
        }
    }
}

/// Runs once per mobile-originated SMS.
async fn handle_mo(sm: DeliverSm) -> Result<()> {
    let text = sm.text();
    let keyword = text.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    tracing::info!(from = %sm.source_addr, to = %sm.destination_addr, %keyword, "MO");

    if optout::is_compliance_keyword(&keyword) {
        let pool = optout::connect().await?;
        optout::apply(&pool, &keyword, &sm.source_addr, &sm.destination_addr).await?;
        return Ok(());
    }
    webhook::forward(&sm.source_addr, &sm.destination_addr, &text).await
}
