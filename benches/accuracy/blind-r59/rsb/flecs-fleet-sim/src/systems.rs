//! Per-frame systems. flecs calls each closure once per matching entity on
//! every `world.progress()`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flecs_ecs::prelude::*;
use redis::Commands;
use serde::Serialize;

use crate::alerts::AlertLog;
use crate::telemetry::TelemetryStore;
use crate::{Battery, Position, RobotId, Velocity};

const FLOOR_W: f32 = 120.0;
const FLOOR_H: f32 = 80.0;

#[derive(Serialize)]
struct Frame<'a> {
    robot: &'a str,
    x: f32,
    y: f32,
    battery: f32,
}

static FRAME: AtomicU64 = AtomicU64::new(0);

pub fn register(world: &World, store: Arc<TelemetryStore>, alerts: Arc<AlertLog>) {
    world
        .system_named::<(&mut Position, &mut Velocity)>("Move")
        .each_iter(|it, _i, (pos, vel)| {
            let dt = it.delta_time();
            pos.x += vel.dx * dt;
            pos.y += vel.dy * dt;
            if pos.x <= 0.0 || pos.x >= FLOOR_W {
                vel.dx = -vel.dx;
            }
            if pos.y <= 0.0 || pos.y >= FLOOR_H {
                vel.dy = -vel.dy;
            }
        });

    world
        .system_named::<(&RobotId, &mut Battery, &mut Velocity)>("Drain")
        .each_iter(move |it, _i, (id, bat, vel)| {
            let before = bat.pct;
            bat.pct = (bat.pct - bat.drain_per_sec * it.delta_time()).max(0.0);
            if before >= 15.0 && bat.pct < 15.0 {
                if let Err(e) = alerts.low_battery(id.0, bat.pct) {
                    log::warn!("alert for robot {} not stored: {e}", id.0);
                }
            }
            if bat.pct == 0.0 {
                vel.dx = 0.0;
                vel.dy = 0.0;
            }
        });

    let redis_url = std::env::var("DASHBOARD_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());
    world
        .system_named::<(&Position, &Battery)>("PublishTelemetry")
        .each_entity(move |e, (pos, bat)| {
            let name = e.name();
            let frame = Frame { robot: &name, x: pos.x, y: pos.y, battery: bat.pct };
            let payload = serde_json::to_string(&frame).expect("frame serializes");
            match redis::Client::open(redis_url.as_str()).and_then(|c| c.get_connection()) {
                Ok(mut con) => {
                    let _: redis::RedisResult<i64> = con.publish("fleet:frames", payload);
                }
                Err(e) => log::debug!("dashboard redis unavailable: {e}"),
            }
        });

    world
        .system_named::<(&RobotId, &Position, &Battery)>("Snapshot")
        .each(move |(id, pos, bat)| {
            // Persist positions every 50 frames (5 s); cheap checkout from the shared pool.
            if FRAME.load(Ordering::Relaxed) % 50 == 0 {
                store.record(id.0, pos.x, pos.y, bat.pct);
            }
        });

    world.system_named::<()>("FrameCounter").run(|mut it| {
        while it.next() {}
        FRAME.fetch_add(1, Ordering::Relaxed);
    });
}
