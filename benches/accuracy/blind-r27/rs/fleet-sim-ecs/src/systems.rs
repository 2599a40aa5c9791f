//! Per-tick systems.

use mongodb::bson::{doc, Document};
use serde_json::json;
use specs::prelude::*;

use crate::components::{Fences, InFence, Position, Tick, Vehicle, Velocity};
use crate::store::Store;

pub struct Movement;

impl<'a> System<'a> for Movement {
    type SystemData = (WriteStorage<'a, Position>, ReadStorage<'a, Velocity>);

    fn run(&mut self, (mut positions, velocities): Self::SystemData) {
        for (p, v) in (&mut positions, &velocities).join() {
            p.lat += v.dlat;
            p.lon += v.dlon;
        }
    }
}

/// Fires the customer "driver is arriving" webhook when a van crosses a fence.
pub struct GeofenceWatch;

impl<'a> System<'a> for GeofenceWatch {
    type SystemData = (
        ReadStorage<'a, Vehicle>,
        ReadStorage<'a, Position>,
        WriteStorage<'a, InFence>,
        ReadExpect<'a, Fences>,
    );

    fn run(&mut self, (vehicles, positions, mut inside, fences): Self::SystemData) {
        let mut crossings = Vec::new();
        for (vehicle, pos, flag) in (&vehicles, &positions, &mut inside).join() {
            let hit = fences.hit(pos);
            if hit.is_some() != flag.0 {
                flag.0 = hit.is_some();
                crossings.push(json!({
                    "vehicle": vehicle.id,
                    "depot": vehicle.depot,
                    "fence": hit.map(|f| f.name.clone()),
                    "event": if flag.0 { "enter" } else { "exit" },
                }));
            }
        }
        if crossings.is_empty() {
            return;
        }

        let http = reqwest::blocking::Client::new();
        for event in crossings {
            if let Err(e) = http.post(&fences.webhook).json(&event).send() {
                eprintln!("geofence webhook failed: {e}");
            }
        }
    }
}

/// Snapshots every van's position to Mongo every `every_ticks` ticks.
pub struct Persist {
    pub every_ticks: u64,
}

impl<'a> System<'a> for Persist {
    type SystemData = (
        Read<'a, Tick>,
        ReadExpect<'a, Store>,
        ReadStorage<'a, Vehicle>,
        ReadStorage<'a, Position>,
    );

    fn run(&mut self, (tick, store, vehicles, positions): Self::SystemData) {
        if tick.0 % self.every_ticks != 0 {
            return;
        }
        let docs: Vec<Document> = (&vehicles, &positions)
            .join()
            .map(|(v, p)| doc! { "vehicle": v.id.clone(), "tick": tick.0 as i64, "lat": p.lat, "lon": p.lon })
            .collect();
        if docs.is_empty() {
            return;
        }
        if let Err(e) = store.positions.insert_many(docs).run() {
            eprintln!("position snapshot failed: {e}");
        }
    }
}
