mod alerts;
mod geofence;
mod telemetry;

use std::env;
use std::io::ErrorKind;
use std::thread;
use std::time::Duration;

use mavlink::ardupilotmega::MavMessage;
use mavlink::error::MessageReadError;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db_url = env::var("FLEET_DATABASE_URL")
        .unwrap_or_else(|_| "mysql://fleet:fleet@fleet-db:3306/fleet".to_string());
    let mut store = telemetry::TelemetryStore::new(&db_url)?;
    let mut fences = geofence::GeofenceChecker::new(&db_url)?;
    let alerter = alerts::Alerter::new(
        env::var("OPS_WEBHOOK").unwrap_or_else(|_| "http://ops-alerts.internal/mavlink".to_string()),
    );

    let addr = env::var("MAVLINK_ADDR").unwrap_or_else(|_| "udpin:0.0.0.0:14550".to_string());
    let vehicle = mavlink::connect::<MavMessage>(&addr)?;
    println!("listening for fleet telemetry on {}", addr);

    let mut since_fence_reload = 0u32;
    loop {
        match vehicle.recv() {
            Ok((header, MavMessage::GLOBAL_POSITION_INT(pos))) => {
                if let Err(err) = store.record_position(header.system_id, &pos) {
                    eprintln!("position insert failed for sys {}: {}", header.system_id, err);
                }
                if let Some(fence) = fences.breached(pos.lat, pos.lon) {
                    alerter.fence_breach(header.system_id, &fence);
                }
            }
            Ok((header, MavMessage::HEARTBEAT(hb))) => {
                let state = format!("{:?}", hb.system_status);
                if let Err(err) = store.heartbeat(header.system_id, &state) {
                    eprintln!("heartbeat upsert failed for sys {}: {}", header.system_id, err);
                }
                since_fence_reload += 1;
                if since_fence_reload >= 600 {
                    since_fence_reload = 0;
                    if let Err(err) = fences.reload() {
                        eprintln!("geofence reload failed: {}", err);
                    }
                }
            }
            Ok((header, MavMessage::STATUSTEXT(text))) => {
                alerter.status_text(header.system_id, &text);
            }
            Ok(_) => {}
            Err(MessageReadError::Io(e)) if e.kind() == ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(err) => eprintln!("mavlink read error: {:?}", err),
        }
    }
}
