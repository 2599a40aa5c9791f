//! Upload of logged QSOs to the QRZ.com Logbook API (ACTION=INSERT with ADIF).

use std::time::Duration;

use anyhow::{bail, Result};

use crate::wire::QsoLogged;

fn field(name: &str, value: &str) -> String {
    format!("<{}:{}>{}", name, value.len(), value)
}

fn to_adif(q: &QsoLogged) -> String {
    let mut adif = String::new();
    adif.push_str(&field("call", &q.dx_call));
    adif.push_str(&field("gridsquare", &q.dx_grid));
    adif.push_str(&field("mode", &q.mode));
    adif.push_str(&field("freq", &format!("{:.6}", q.tx_freq_hz as f64 / 1e6)));
    adif.push_str(&field("rst_sent", &q.report_sent));
    adif.push_str(&field("rst_rcvd", &q.report_rcvd));
    adif.push_str("<eor>");
    adif
}

pub async fn upload(api_key: &str, q: &QsoLogged) -> Result<()> {
    let adif = to_adif(q);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("wsjtx-qso-logger/0.3")
        .build()?;
    let body = http
        .post("https://logbook.qrz.com/api")
        .form(&[("KEY", api_key), ("ACTION", "INSERT"), ("ADIF", adif.as_str())])
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    if !body.contains("RESULT=OK") {
        bail!("QRZ rejected QSO with {}: {body}", q.dx_call);
    }
    Ok(())
}
