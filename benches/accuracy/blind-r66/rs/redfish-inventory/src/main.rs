mod bmc;

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;
use sqlx::mysql::{MySqlPool, MySqlPoolOptions};
use tracing::{info, warn};

#[derive(Deserialize)]
struct Inventory {
    bmc: Vec<bmc::BmcConfig>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let once = std::env::args().any(|a| a == "--once");

    let inventory: Inventory = toml::from_str(&std::fs::read_to_string(
        std::env::var("BMC_INVENTORY")
            .unwrap_or_else(|_| "/etc/redfish-inventory/bmcs.toml".into()),
    )?)?;

    // Built once here; the sweep below only borrows them.
    let mut bmcs: HashMap<String, bmc::Bmc> = HashMap::new();
    for cfg in &inventory.bmc {
        match bmc::Bmc::build(cfg) {
            Ok(b) => {
                bmcs.insert(cfg.name.clone(), b);
            }
            Err(e) => warn!(bmc = %cfg.name, "skipping misconfigured BMC: {e:#}"),
        }
    }

    let cmdb = MySqlPoolOptions::new()
        .max_connections(4)
        .connect(&std::env::var("CMDB_URL")?)
        .await?;

    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        sweep(&bmcs, &cmdb).await;
        if once {
            break;
        }
    }
    cmdb.close().await;
    Ok(())
}

async fn sweep(bmcs: &HashMap<String, bmc::Bmc>, cmdb: &MySqlPool) {
    for bmc in bmcs.values() {
        let info = match bmc.system().await {
            Ok(i) => i,
            Err(e) => {
                warn!(bmc = %bmc.name, "redfish query failed: {e:#}");
                continue;
            }
        };
        let res = sqlx::query(
            "INSERT INTO hw_inventory (host, model, serial, power_state, health, cpus, memory_gib, bios, seen_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW())
             ON DUPLICATE KEY UPDATE model = VALUES(model), power_state = VALUES(power_state),
               health = VALUES(health), cpus = VALUES(cpus), memory_gib = VALUES(memory_gib),
               bios = VALUES(bios), seen_at = NOW()",
        )
        .bind(&bmc.name)
        .bind(&info.model)
        .bind(&info.serial)
        .bind(&info.power_state)
        .bind(&info.health)
        .bind(info.cpus)
        .bind(info.memory_gib)
        .bind(&info.bios_version)
        .execute(cmdb)
        .await;
        match res {
            Ok(_) => info!(bmc = %bmc.name, health = %info.health, "inventory updated"),
            Err(e) => warn!(bmc = %bmc.name, "cmdb write failed: {e}"),
        }
    }
}
