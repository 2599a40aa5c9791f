mod recorder;

use std::env;
use std::sync::{Arc, Mutex};

fn main() -> anyhow::Result<()> {
    let context = rclrs::Context::new(env::args())?;
    let node = rclrs::create_node(&context, "fleet_recorder")?;

    let settings = Arc::new(recorder::Settings::from_env());

    // One Redis connection for the status board, opened at start-up.
    let redis_url = env::var("FLEET_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let status_conn = redis::Client::open(redis_url)?.get_connection()?;
    let status_conn = Arc::new(Mutex::new(status_conn));

    let s = Arc::clone(&settings);
    let _battery = node.create_subscription::<sensor_msgs::msg::BatteryState, _>(
        "fleet/battery_state",
        rclrs::QOS_PROFILE_SENSOR_DATA,
        move |msg: sensor_msgs::msg::BatteryState| {
            if let Err(e) = recorder::record_battery(&s, &msg) {
                eprintln!("[fleet_recorder] battery write failed: {e:#}");
            }
        },
    )?;

    let conn = Arc::clone(&status_conn);
    let _status = node.create_subscription::<std_msgs::msg::String, _>(
        "fleet/status",
        rclrs::QOS_PROFILE_DEFAULT,
        move |msg: std_msgs::msg::String| {
            let mut conn = conn.lock().unwrap();
            if let Err(e) = recorder::publish_status(&mut conn, &msg.data) {
                eprintln!("[fleet_recorder] status update failed: {e:#}");
            }
        },
    )?;

    let s = Arc::clone(&settings);
    let _missions = node.create_subscription::<std_msgs::msg::String, _>(
        "fleet/mission_done",
        rclrs::QOS_PROFILE_DEFAULT,
        move |msg: std_msgs::msg::String| {
            if let Err(e) = recorder::report_mission(&s, &msg.data) {
                eprintln!("[fleet_recorder] mission report failed: {e:#}");
            }
        },
    )?;

    println!("[fleet_recorder] spinning");
    rclrs::spin(node).map_err(|err| err.into())
}
