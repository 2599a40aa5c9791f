//! fleet-sim-ecs: a specs world that ticks ten times a second for as long as
//! the depot is open. Systems run once per dispatch.

use std::time::{Duration, Instant};

use specs::prelude::*;

mod components;
mod replay;
mod store;
mod systems;

use components::{Fences, InFence, Position, Tick, Vehicle, Velocity};

fn main() -> anyhow::Result<()> {
    let store = store::Store::connect()?;
    let fences = Fences::from_file(&std::env::var("FENCES_FILE").unwrap_or_else(|_| "fences.json".into()))?;

    let mut world = World::new();
    let mut dispatcher = DispatcherBuilder::new()
        .with(systems::Movement, "movement", &[])
        .with(systems::GeofenceWatch, "geofence", &["movement"])
        .with(systems::Persist { every_ticks: 50 }, "persist", &["movement"])
        .with(replay::ReplayRecorder::default(), "replay", &["movement"])
        .build();
    dispatcher.setup(&mut world);

    for v in store.active_vehicles()? {
        world
            .create_entity()
            .with(Vehicle { id: v.id, depot: v.depot })
            .with(Position { lat: v.lat, lon: v.lon })
            .with(Velocity { dlat: v.dlat, dlon: v.dlon })
            .with(InFence(false))
            .build();
    }
    world.insert(store);
    world.insert(fences);
    world.insert(Tick(0));

    let frame = Duration::from_millis(100);
    loop {
        let started = Instant::now();
        world.write_resource::<Tick>().0 += 1;
        dispatcher.dispatch(&world);
        world.maintain();
        if let Some(rest) = frame.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
