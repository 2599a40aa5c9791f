use serde_json::json;
use shipyard::{Component, IntoIter, Unique, UniqueView, UniqueViewMut, View, ViewMut};

use crate::store::Store;

const SNAPSHOT_EVERY: u64 = 100;

#[derive(Component)]
pub struct Robot {
    pub id: i32,
}

#[derive(Component)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

#[derive(Component)]
pub struct Velocity {
    pub dx: f64,
    pub dy: f64,
}

#[derive(Component)]
pub struct Battery(pub f64);

#[derive(Unique)]
pub struct Tick(pub u64);

/// Runs every tick (20 Hz).
pub fn advance(
    mut tick: UniqueViewMut<Tick>,
    mut positions: ViewMut<Position>,
    velocities: View<Velocity>,
    mut batteries: ViewMut<Battery>,
) {
    tick.0 += 1;
    for (mut pos, vel, mut battery) in (&mut positions, &velocities, &mut batteries).iter() {
        pos.x = (pos.x + vel.dx * 0.05).clamp(0.0, 120.0);
        pos.y = (pos.y + vel.dy * 0.05).clamp(0.0, 60.0);
        battery.0 = (battery.0 - 0.0002).max(0.0);
    }
}

/// Also runs every tick, but only touches the database every SNAPSHOT_EVERY ticks.
pub fn snapshot(
    tick: UniqueView<Tick>,
    store: UniqueView<Store>,
    robots: View<Robot>,
    positions: View<Position>,
    batteries: View<Battery>,
) {
    if tick.0 % SNAPSHOT_EVERY != 0 {
        return;
    }
    let rows: Vec<(i32, f64, f64, f64)> = (&robots, &positions, &batteries)
        .iter()
        .map(|(r, p, b)| (r.id, p.x, p.y, b.0))
        .collect();

    if let Err(err) = store.save_snapshot(tick.0, &rows) {
        eprintln!("snapshot at tick {} failed: {err}", tick.0);
    }

    let low: Vec<i32> = rows.iter().filter(|r| r.3 < 0.15).map(|r| r.0).collect();
    if !low.is_empty() {
        let _ = store
            .dashboard
            .post(&store.dashboard_url)
            .send_json(json!({ "tick": tick.0, "low_battery": low }));
    }
}
