//! ROS1 node on the AMR fleet server: records battery and fix data per robot
//! and raises an alert to the ops webhook when a robot reports an e-stop.

mod alerts;
mod config;

use postgres::{Client, NoTls};
use rosrust_msg::sensor_msgs::{BatteryState, NavSatFix};
use rosrust_msg::std_msgs::String as RosString;

fn main() {
    env_logger::init();
    rosrust::init("fleet_telemetry");

    let cfg = config::Config::from_params();

    let db_url = cfg.database_url.clone();
    let _battery_sub = rosrust::subscribe("/fleet/battery", 50, move |msg: BatteryState| {
        let robot = msg.header.frame_id.clone();
        let mut db = match Client::connect(&db_url, NoTls) {
            Ok(db) => db,
            Err(e) => {
                log::error!("db connect failed: {e}");
                return;
            }
        };
        if let Err(e) = db.execute(
            "INSERT INTO battery_samples (robot_id, voltage, percentage, stamp) VALUES ($1, $2, $3, now())",
            &[&robot, &(msg.voltage as f64), &(msg.percentage as f64)],
        ) {
            log::warn!("battery insert for {robot} failed: {e}");
        }
    })
    .expect("subscribe /fleet/battery");

    let _fix_sub = rosrust::subscribe("/fleet/fix", 50, |fix: NavSatFix| {
        log::debug!("fix from {}: {} {}", fix.header.frame_id, fix.latitude, fix.longitude);
    })
    .expect("subscribe /fleet/fix");

    let webhook = cfg.alert_webhook.clone();
    let _estop_sub = rosrust::subscribe("/fleet/estop", 10, move |msg: RosString| {
        let alert = alerts::EstopAlert::parse(&msg.data);
        let http = alerts::client();
        if let Err(e) = http.post(&webhook).json(&alert).send() {
            log::error!("alert post failed: {e}");
        }
    })
    .expect("subscribe /fleet/estop");

    rosrust::ros_info!("fleet_telemetry up");
    rosrust::spin();
}
