use std::time::Duration;

use anyhow::{Context, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::json;
use tokio_postgres::NoTls;

use crate::semtech::RxPk;
use crate::Config;

/// Called once per PUSH_DATA datagram (a gateway pushes every few seconds per radio burst).
pub async fn handle_push(cfg: &Config, gateway: String, rxpks: Vec<RxPk>) -> Result<()> {
    let (db, connection) = tokio_postgres::connect(&cfg.database_url, NoTls)
        .await
        .context("connect to uplink store")?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("uplink store connection error: {e}");
        }
    });

    for rx in rxpks {
        let phy = match STANDARD.decode(&rx.data) {
            Ok(p) if p.len() >= 12 => p,
            _ => continue,
        };
        let mtype = phy[0] >> 5;
        if mtype != 0b010 && mtype != 0b100 {
            continue; // only unconfirmed / confirmed data up
        }
        let dev_addr = format!("{:02X}{:02X}{:02X}{:02X}", phy[4], phy[3], phy[2], phy[1]);
        let fcnt = u16::from_le_bytes([phy[6], phy[7]]) as i32;

        db.execute(
            "INSERT INTO uplinks (gateway_eui, dev_addr, fcnt, freq, datr, rssi, lsnr, phy_payload)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (dev_addr, fcnt, gateway_eui) DO NOTHING",
            &[&gateway, &dev_addr, &fcnt, &rx.freq, &rx.datr, &rx.rssi, &rx.lsnr, &phy],
        )
        .await?;

        forward_to_application(cfg, &gateway, &dev_addr, fcnt, &rx).await?;
    }
    Ok(())
}

async fn forward_to_application(cfg: &Config, gateway: &str, dev_addr: &str, fcnt: i32, rx: &RxPk) -> Result<()> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(&cfg.app_webhook)
        .bearer_auth(&cfg.app_token)
        .json(&json!({
            "gateway": gateway,
            "devAddr": dev_addr,
            "fCnt": fcnt,
            "rssi": rx.rssi,
            "snr": rx.lsnr,
            "phyPayload": rx.data,
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
