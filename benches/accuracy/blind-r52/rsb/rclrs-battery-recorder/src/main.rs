use std::env;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use sensor_msgs::msg::BatteryState;
use serde_json::json;

mod store;

/// Alert once when charge drops below this fraction; re-arm after it recovers.
const LOW_CHARGE: f32 = 0.15;

struct RobotState {
    robot_id: String,
    low_alert_sent: bool,
}

fn send_low_battery_alert(webhook: &str, robot_id: &str, msg: &BatteryState) {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("http client");
    let body = json!({
        "robot": robot_id,
        "percentage": msg.percentage,
        "voltage": msg.voltage,
        "text": format!("{robot_id} battery at {:.0}%", msg.percentage * 100.0),
    });
    if let Err(e) = http.post(webhook).json(&body).send() {
        log::warn!("low battery alert for {robot_id} not delivered: {e}");
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let webhook = env::var("FLEET_ALERT_WEBHOOK").context("FLEET_ALERT_WEBHOOK not set")?;
    let database_url = env::var("FLEET_DATABASE_URL").context("FLEET_DATABASE_URL not set")?;

    let context = rclrs::Context::new(env::args())?;
    let node = rclrs::create_node(&context, "battery_recorder")?;
    let robot_id = node.namespace().trim_start_matches('/').to_string();

    let state = Arc::new(Mutex::new(RobotState {
        robot_id: robot_id.clone(),
        low_alert_sent: false,
    }));

    let battery_state = Arc::clone(&state);
    let battery_db = database_url.clone();
    let _battery_sub = node.create_subscription::<BatteryState, _>(
        "battery_state",
        rclrs::QOS_PROFILE_SENSOR_DATA,
        move |msg: BatteryState| {
            let mut st = battery_state.lock().unwrap();

            if let Err(e) = store::record_reading(&battery_db, &st.robot_id, &msg) {
                log::warn!("battery reading not stored: {e:#}");
            }

            if msg.percentage < LOW_CHARGE && !st.low_alert_sent {
                send_low_battery_alert(&webhook, &st.robot_id, &msg);
                st.low_alert_sent = true;
            } else if msg.percentage >= LOW_CHARGE + 0.05 {
                st.low_alert_sent = false;
            }
        },
    )?;

    let dock_state = Arc::clone(&state);
    let dock_db = database_url;
    let _dock_sub = node.create_subscription::<std_msgs::msg::String, _>(
        "dock_events",
        rclrs::QOS_PROFILE_DEFAULT,
        move |msg: std_msgs::msg::String| {
            let st = dock_state.lock().unwrap();
            if let Err(e) = store::record_dock_event(&dock_db, &st.robot_id, &msg.data) {
                log::warn!("dock event not stored: {e:#}");
            }
        },
    )?;

    log::info!("battery_recorder running for robot {robot_id}");
    rclrs::spin(node).map_err(Into::into)
}
