mod store;
mod systems;

use std::time::{Duration, Instant};

use shipyard::{IntoWorkload, World, Workload};

use crate::store::Store;
use crate::systems::{advance, snapshot, Battery, Robot, Tick, Velocity, Position};

const TICK: Duration = Duration::from_millis(50);

fn sim_tick() -> Workload {
    (advance, snapshot).into_workload()
}

fn main() -> anyhow::Result<()> {
    let store = Store::connect(&std::env::var("TWIN_DATABASE_URL")?, &std::env::var("FLEET_DASHBOARD_URL")?)?;
    let robots = store.load_fleet()?;

    let mut world = World::new();
    world.add_unique(store);
    world.add_unique(Tick(0));
    for r in robots {
        world.add_entity((
            Robot { id: r.id },
            Position { x: r.x, y: r.y },
            Velocity { dx: r.dx, dy: r.dy },
            Battery(r.battery),
        ));
    }
    world.add_workload(sim_tick);

    loop {
        let started = Instant::now();
        world.run_workload(sim_tick)?;
        if let Some(rest) = TICK.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
