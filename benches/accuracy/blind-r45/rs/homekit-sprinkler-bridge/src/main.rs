//! HomeKit bridge for the irrigation controller.
//!
//! Every zone is a HomeKit switch. Toggling a zone in the Home app calls the
//! async update callback, which records the toggle and drives the valve
//! controller's HTTP API.

mod zones;

use std::sync::Arc;

use hap::{
    accessory::{bridge::BridgeAccessory, switch::SwitchAccessory, AccessoryCategory, AccessoryInformation},
    characteristic::AsyncCharacteristicCallbacks,
    futures::future::FutureExt,
    server::{IpServer, Server},
    storage::{FileStorage, Storage},
    Config, MacAddress, Pin,
};

use crate::zones::Settings;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let settings = Arc::new(Settings::from_env()?);
    // Shared client for the (frequent) state reads from the controller.
    let controller = reqwest::Client::new();

    let bridge = BridgeAccessory::new(1, AccessoryInformation {
        name: "Garden Irrigation".into(),
        manufacturer: "Backyard Labs".into(),
        ..Default::default()
    })?;

    let mut accessories = Vec::new();
    for (idx, zone) in settings.zones.iter().enumerate() {
        let zone_id = zone.id;
        let mut switch = SwitchAccessory::new(idx as u64 + 2, AccessoryInformation {
            name: zone.name.clone(),
            ..Default::default()
        })?;

        let read_settings = settings.clone();
        let read_http = controller.clone();
        switch.switch.power_state.on_read_async(Some(move || {
            let settings = read_settings.clone();
            let http = read_http.clone();
            async move { Ok(zones::read_state(&http, &settings, zone_id).await.ok()) }.boxed()
        }));

        let update_settings = settings.clone();
        switch
            .switch
            .power_state
            .on_update_async(Some(move |_current: bool, new_val: bool| {
                let settings = update_settings.clone();
                async move {
                    if let Err(e) = zones::apply_toggle(&settings, zone_id, new_val).await {
                        log::error!("zone {zone_id}: toggle failed: {e:#}");
                    }
                    Ok(())
                }
                .boxed()
            }));

        accessories.push(switch);
    }

    let mut storage = FileStorage::current_dir().await?;
    let config = match storage.load_config().await {
        Ok(mut config) => {
            config.redetermine_local_ip();
            storage.save_config(&config).await?;
            config
        }
        Err(_) => {
            let config = Config {
                pin: Pin::new([2, 4, 6, 1, 3, 5, 7, 9])?,
                name: "Garden Irrigation".into(),
                device_id: MacAddress::from([0x2a, 0x11, 0x3c, 0x47, 0x50, 0x6e]),
                category: AccessoryCategory::Bridge,
                ..Default::default()
            };
            storage.save_config(&config).await?;
            config
        }
    };

    let server = IpServer::new(config, storage).await?;
    server.add_accessory(bridge).await?;
    for switch in accessories {
        server.add_accessory(switch).await?;
    }

    server.run_handle().await?;
    Ok(())
}
