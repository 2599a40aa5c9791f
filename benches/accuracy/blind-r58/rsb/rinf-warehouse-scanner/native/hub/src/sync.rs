use crate::messages::warehouse::{PrintLabel, SyncNow, SyncStatus};
use crate::{DockConfig, Result};
use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use std::time::Duration;

#[derive(Deserialize)]
struct Delivery {
    #[allow(dead_code)]
    id: String,
    expected_units: i32,
}

pub async fn listen_sync(config: DockConfig) -> Result<()> {
    let mut receiver = SyncNow::get_dart_signal_receiver()?;
    while let Some(dart_signal) = receiver.recv().await {
        let request: SyncNow = dart_signal.message;
        let status = match pull_deliveries(&config, &request.operator_id).await {
            Ok(pushed) => SyncStatus { ok: true, pushed, error: String::new() },
            Err(err) => SyncStatus { ok: false, pushed: 0, error: err.to_string() },
        };
        status.send_signal_to_dart();
    }
    Ok(())
}

async fn pull_deliveries(config: &DockConfig, operator_id: &str) -> Result<i32> {
    let mut headers = HeaderMap::new();
    headers.insert("x-operator-id", HeaderValue::from_str(operator_id)?);
    let erp = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(15))
        .build()?;

    let deliveries: Vec<Delivery> = erp
        .get(format!("{}/deliveries?site=LEJ&status=expected", config.erp_base))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(deliveries.iter().map(|d| d.expected_units).sum())
}

pub async fn listen_print(config: DockConfig, printer: reqwest::Client) -> Result<()> {
    let mut receiver = PrintLabel::get_dart_signal_receiver()?;
    while let Some(dart_signal) = receiver.recv().await {
        let label: PrintLabel = dart_signal.message;
        let zpl = format!(
            "^XA^FO50,50^BCN,120,Y,N,N^FD{}^FS^PQ{}^XZ",
            label.sku,
            label.copies.max(1)
        );
        if let Err(err) = printer
            .post(format!("{}/pstprnt", config.printer_base))
            .body(zpl)
            .send()
            .await
        {
            rinf::debug_print!("label print failed: {err}");
        }
    }
    Ok(())
}
