use std::time::{Duration, SystemTime, UNIX_EPOCH};

use postgres::{Client, NoTls};
use sensor_msgs::msg::BatteryState;

fn stamp_to_system_time(sec: i32, nanosec: u32) -> SystemTime {
    if sec <= 0 {
        return SystemTime::now();
    }
    UNIX_EPOCH + Duration::new(sec as u64, nanosec)
}

/// One row per BatteryState message (the driver publishes at 1 Hz).
pub fn record_reading(database_url: &str, robot_id: &str, msg: &BatteryState) -> anyhow::Result<()> {
    let mut client = Client::connect(database_url, NoTls)?;
    let ts = stamp_to_system_time(msg.header.stamp.sec, msg.header.stamp.nanosec);
    let min_cell = msg.cell_voltage.iter().cloned().fold(f32::NAN, f32::min);

    client.execute(
        "INSERT INTO battery_readings
             (robot_id, ts, voltage, current, percentage, temperature, min_cell_voltage, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &robot_id,
            &ts,
            &msg.voltage,
            &msg.current,
            &msg.percentage,
            &msg.temperature,
            &(if min_cell.is_nan() { None } else { Some(min_cell) }),
            &(msg.power_supply_status as i16),
        ],
    )?;
    Ok(())
}

/// Dock controller publishes "docked:<station>" / "undocked:<station>".
pub fn record_dock_event(database_url: &str, robot_id: &str, event: &str) -> anyhow::Result<()> {
    let (kind, station) = event.split_once(':').unwrap_or((event, ""));
    let mut client = Client::connect(database_url, NoTls)?;
    client.execute(
        "INSERT INTO dock_events (robot_id, ts, kind, station) VALUES ($1, now(), $2, $3)",
        &[&robot_id, &kind, &station],
    )?;
    Ok(())
}
