mod http_api;
mod telemetry;

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::bail;
use esp_idf_svc::eventloop::EspSystemEventLoop;
use esp_idf_svc::hal::prelude::Peripherals;
use esp_idf_svc::mqtt::client::{EspMqttClient, MqttClientConfiguration};
use esp_idf_svc::nvs::EspDefaultNvsPartition;
use esp_idf_svc::wifi::{AuthMethod, BlockingWifi, ClientConfiguration, Configuration, EspWifi};

const SSID: &str = env!("WIFI_SSID");
const PASS: &str = env!("WIFI_PASS");
const MQTT_URL: &str = env!("MQTT_URL");

fn main() -> anyhow::Result<()> {
    esp_idf_svc::sys::link_patches();
    esp_idf_svc::log::EspLogger::initialize_default();

    let peripherals = Peripherals::take()?;
    let sysloop = EspSystemEventLoop::take()?;
    let nvs = EspDefaultNvsPartition::take()?;

    let mut wifi = BlockingWifi::wrap(
        EspWifi::new(peripherals.modem, sysloop.clone(), Some(nvs))?,
        sysloop,
    )?;
    wifi.set_configuration(&Configuration::Client(ClientConfiguration {
        ssid: SSID.try_into().unwrap(),
        password: PASS.try_into().unwrap(),
        auth_method: AuthMethod::WPA2Personal,
        ..Default::default()
    }))?;
    wifi.start()?;

    // The barn's access point boots slower than we do after a power cut:
    // retry a bounded number of times, then reboot via the error path.
    let mut attempt = 0;
    loop {
        match wifi.connect() {
            Ok(()) => break,
            Err(e) if attempt < 10 => {
                attempt += 1;
                log::warn!("wifi connect attempt {attempt} failed: {e:?}");
                thread::sleep(Duration::from_secs(3));
            }
            Err(e) => bail!("wifi unavailable: {e:?}"),
        }
    }
    wifi.wait_netif_up()?;
    log::info!("wifi up: {:?}", wifi.wifi().sta_netif().get_ip_info()?);

    // One MQTT session for the whole node, shared by the HTTP handlers and the
    // telemetry loop below.
    let (mqtt, connection) = EspMqttClient::new(
        MQTT_URL,
        &MqttClientConfiguration {
            client_id: Some("greenhouse-01"),
            keep_alive_interval: Some(Duration::from_secs(30)),
            ..Default::default()
        },
    )?;
    telemetry::spawn_event_pump(connection);
    let mqtt = Arc::new(Mutex::new(mqtt));

    let sensors = Arc::new(Mutex::new(telemetry::Sensors::default()));
    let _server = http_api::start(mqtt.clone(), sensors.clone())?;

    loop {
        let reading = sensors.lock().unwrap().sample();
        if let Err(e) = telemetry::publish(&mqtt, &reading) {
            log::warn!("telemetry publish failed: {e:?}");
        }
        thread::sleep(Duration::from_secs(30));
    }
}
