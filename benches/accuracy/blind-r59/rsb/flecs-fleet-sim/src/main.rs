//! Fleet twin: one flecs entity per autonomous mobile robot. The world is
//! progressed at 10 Hz forever; every system registered in systems.rs runs
//! once per frame for each matching robot.

mod alerts;
mod systems;
mod telemetry;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;
use flecs_ecs::prelude::*;

use crate::alerts::AlertLog;
use crate::telemetry::TelemetryStore;

#[derive(Component, Debug, Clone, Copy)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

#[derive(Component, Debug, Clone, Copy)]
pub struct Velocity {
    pub dx: f32,
    pub dy: f32,
}

#[derive(Component, Debug, Clone, Copy)]
pub struct Battery {
    pub pct: f32,
    pub drain_per_sec: f32,
}

#[derive(Component, Debug, Clone, Copy)]
pub struct RobotId(pub i32);

static RUNNING: AtomicBool = AtomicBool::new(true);

fn main() -> Result<()> {
    env_logger::init();

    let store = Arc::new(TelemetryStore::connect()?);
    let alerts = Arc::new(AlertLog::connect()?);

    let world = World::new();
    world.set_target_fps(10.0);

    for robot in store.load_fleet()? {
        world
            .entity_named(&robot.name)
            .set(RobotId(robot.id))
            .set(Position { x: robot.x, y: robot.y })
            .set(Velocity { dx: robot.dx, dy: robot.dy })
            .set(Battery { pct: robot.battery_pct, drain_per_sec: 0.02 });
    }
    log::info!("loaded {} robots", store.fleet_size());

    systems::register(&world, store.clone(), alerts.clone());

    stop_on_stdin_close();
    while RUNNING.load(Ordering::Relaxed) && world.progress() {}

    store.flush_final()?;
    Ok(())
}

fn stop_on_stdin_close() {
    std::thread::spawn(|| {
        let mut line = String::new();
        // The supervisor closes our stdin to ask for a clean stop.
        while std::io::stdin().read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            line.clear();
        }
        RUNNING.store(false, Ordering::Relaxed);
    });
}
