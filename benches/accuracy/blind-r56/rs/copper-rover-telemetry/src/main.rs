//! Rover telemetry runtime. Copper runs the task graph from copperconfig.ron
//! in a tight deterministic loop (one `process` call per task per cycle)
//! for as long as the rover is powered on.

pub mod alerts;
pub mod sink;
pub mod tasks;

use cu29::prelude::*;
use cu29_helpers::basic_copper_setup;
use std::path::PathBuf;

const PREALLOCATED_STORAGE_SIZE: Option<usize> = Some(1024 * 1024 * 256);

#[copper_runtime(config = "copperconfig.ron")]
struct RoverTelemetry {}

fn main() {
    let log_path = PathBuf::from("/var/log/rover/telemetry.copper");
    let copper_ctx = basic_copper_setup(&log_path, PREALLOCATED_STORAGE_SIZE, true, None)
        .expect("failed to set up the copper logger");
    debug!("logger ready");

    let mut app = RoverTelemetryBuilder::new()
        .with_context(&copper_ctx)
        .build()
        .expect("failed to build the copper application");

    app.start_all_tasks().expect("failed to start tasks");
    if let Err(e) = app.run() {
        error!("runtime stopped: {}", e.to_string());
    }
    app.stop_all_tasks().expect("failed to stop tasks");
}
