use std::sync::{Arc, Mutex};
use std::time::Duration;

use embedded_svc::http::client::Client as HttpClient;
use esp_idf_svc::http::client::{Configuration as HttpClientConfig, EspHttpConnection};
use esp_idf_svc::http::server::{Configuration as ServerConfig, EspHttpServer};
use esp_idf_svc::http::Method;
use esp_idf_svc::io::{Read, Write};
use esp_idf_svc::mqtt::client::{EspMqttClient, QoS};
use serde::Deserialize;

use crate::telemetry::Sensors;

const FORECAST_URL: &str =
    "https://api.open-meteo.com/v1/forecast?latitude=52.09&longitude=5.12&hourly=temperature_2m&forecast_days=1";

#[derive(Deserialize)]
struct VentCommand {
    open_percent: u8,
}

pub fn start(
    mqtt: Arc<Mutex<EspMqttClient<'static>>>,
    sensors: Arc<Mutex<Sensors>>,
) -> anyhow::Result<EspHttpServer<'static>> {
    let mut server = EspHttpServer::new(&ServerConfig {
        stack_size: 10240,
        ..Default::default()
    })?;

    let status_sensors = sensors.clone();
    server.fn_handler::<anyhow::Error, _>("/status", Method::Get, move |req| {
        let body = serde_json::to_vec(&status_sensors.lock().unwrap().last())?;
        req.into_response(200, None, &[("Content-Type", "application/json")])?
            .write_all(&body)?;
        Ok(())
    })?;

    let vent_mqtt = mqtt.clone();
    server.fn_handler::<anyhow::Error, _>("/vent", Method::Post, move |mut req| {
        let mut buf = [0u8; 64];
        let n = req.read(&mut buf)?;
        let cmd: VentCommand = serde_json::from_slice(&buf[..n])?;
        vent_mqtt.lock().unwrap().enqueue(
            "greenhouse/01/vent/set",
            QoS::AtLeastOnce,
            true,
            &[cmd.open_percent.min(100)],
        )?;
        req.into_ok_response()?.write_all(b"ok")?;
        Ok(())
    })?;

    // The forecast proxy opens one esp_http_client handle for the duration of
    // the request (no pooling in ESP-IDF); it is released when `client` drops.
    server.fn_handler::<anyhow::Error, _>("/forecast", Method::Get, |req| {
        let mut client = HttpClient::wrap(EspHttpConnection::new(&HttpClientConfig {
            crt_bundle_attach: Some(esp_idf_svc::sys::esp_crt_bundle_attach),
            timeout: Some(Duration::from_secs(5)),
            ..Default::default()
        })?);
        let mut response = client.get(FORECAST_URL)?.submit()?;
        let mut buf = [0u8; 2048];
        let n = response.read(&mut buf)?;
        req.into_response(200, None, &[("Content-Type", "application/json")])?
            .write_all(&buf[..n])?;
        Ok(())
    })?;

    Ok(server)
}
