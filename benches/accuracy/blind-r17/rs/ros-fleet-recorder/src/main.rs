mod clients;
mod db;
mod handlers;
mod telemetry_store;

use std::time::Duration;

use r2r::QosProfile;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let missions = db::connect().await?;
    let telemetry = telemetry_store::open().await?;

    let ctx = r2r::Context::create()?;
    let mut node = r2r::Node::create(ctx, "fleet_recorder", "")?;

    let events = node.subscribe::<r2r::std_msgs::msg::String>("/fleet/mission_events", QosProfile::default())?;
    let odom = node.subscribe::<r2r::nav_msgs::msg::Odometry>("/fleet/odom", QosProfile::sensor_data())?;

    tokio::spawn(handlers::mission_events(events, missions));
    tokio::spawn(handlers::odometry(odom, telemetry));

    let spinner = tokio::task::spawn_blocking(move || loop {
        node.spin_once(Duration::from_millis(100));
    });
    spinner.await?;
    Ok(())
}
