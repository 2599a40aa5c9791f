mod alarms;
mod telemetry;

use std::sync::Arc;
use std::time::{Duration, Instant};

use ethercrab::std::{ethercat_now, tx_rx_task};
use ethercrab::{MainDevice, MainDeviceConfig, PduStorage, Timeouts};
use tokio::time::MissedTickBehavior;

const MAX_SUBDEVICES: usize = 16;
const MAX_PDU_DATA: usize = PduStorage::element_size(1100);
const MAX_FRAMES: usize = 16;
const PDI_LEN: usize = 128;

/// Fault bits in the press controller status word.
const FAULT_MASK: u16 = 0b0000_0000_1111_0000;

static PDU_STORAGE: PduStorage<MAX_FRAMES, MAX_PDU_DATA> = PduStorage::new();

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let interface = std::env::args().nth(1).unwrap_or_else(|| "enp2s0".to_string());
    let db_url = std::env::var("PRESS_DB_URL")?;

    let (tx, rx, pdu_loop) = PDU_STORAGE.try_split().expect("can only split once");
    let maindevice = Arc::new(MainDevice::new(
        pdu_loop,
        Timeouts {
            wait_loop_delay: Duration::from_millis(2),
            mailbox_response: Duration::from_millis(1000),
            ..Timeouts::default()
        },
        MainDeviceConfig::default(),
    ));
    tokio::spawn(tx_rx_task(&interface, tx, rx).expect("spawn TX/RX task"));

    let group = maindevice
        .init_single_group::<MAX_SUBDEVICES, PDI_LEN>(ethercat_now)
        .await?;
    tracing::info!(subdevices = group.len(), "EtherCAT bus discovered");
    let group = group.into_op(&maindevice).await?;

    let pool = telemetry::make_pool(&db_url)?;
    let mut batch: Vec<telemetry::Sample> = Vec::with_capacity(4096);
    let mut last_status = [0u16; MAX_SUBDEVICES];
    let mut last_flush = Instant::now();

    // 5 ms process-data cycle for the lifetime of the process.
    let mut cycle = tokio::time::interval(Duration::from_millis(5));
    cycle.set_missed_tick_behavior(MissedTickBehavior::Skip);

    loop {
        group.tx_rx(&maindevice).await?;

        for (idx, subdevice) in group.iter(&maindevice).enumerate() {
            let inputs = subdevice.inputs_raw();
            if inputs.len() < 10 {
                continue;
            }
            let status = u16::from_le_bytes([inputs[0], inputs[1]]);
            let force = i32::from_le_bytes([inputs[2], inputs[3], inputs[4], inputs[5]]);
            let stroke = i32::from_le_bytes([inputs[6], inputs[7], inputs[8], inputs[9]]);

            batch.push(telemetry::Sample::new(idx as i16, force, stroke, status));

            // raise an alarm on the rising edge of any fault bit
            let new_faults = status & FAULT_MASK & !last_status[idx];
            if new_faults != 0 {
                let alarm = alarms::Alarm::new(idx, subdevice.name().to_string(), new_faults);
                tokio::spawn(async move {
                    if let Err(err) = alarms::raise(alarm).await {
                        tracing::error!(%err, "failed to raise press alarm");
                    }
                });
            }
            last_status[idx] = status;
        }

        if last_flush.elapsed() >= Duration::from_secs(1) && !batch.is_empty() {
            let rows = std::mem::take(&mut batch);
            let pool = pool.clone();
            tokio::spawn(async move {
                if let Err(err) = telemetry::flush(&pool, rows).await {
                    tracing::warn!(%err, "telemetry flush failed");
                }
            });
            last_flush = Instant::now();
        }

        cycle.tick().await;
    }
}
