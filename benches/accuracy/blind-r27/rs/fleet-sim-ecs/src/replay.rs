//! Records compact replay frames so dispatch can scrub through a shift later.

use std::sync::LazyLock;

use mongodb::bson::{doc, Document};
use specs::prelude::*;

use crate::components::{Position, Tick, Vehicle};
use crate::store::mongo_uri;

static REPLAY_DB: LazyLock<mongodb::sync::Client> = LazyLock::new(|| {
    mongodb::sync::Client::with_uri_str(mongo_uri()).expect("replay mongo client")
});

const FLUSH_EVERY: usize = 600;

#[derive(Default)]
pub struct ReplayRecorder {
    buffer: Vec<Document>,
}

impl<'a> System<'a> for ReplayRecorder {
    type SystemData = (Read<'a, Tick>, ReadStorage<'a, Vehicle>, ReadStorage<'a, Position>);

    fn run(&mut self, (tick, vehicles, positions): Self::SystemData) {
        let frame: Vec<Document> = (&vehicles, &positions)
            .join()
            .map(|(v, p)| doc! { "v": v.id.clone(), "y": p.lat, "x": p.lon })
            .collect();
        self.buffer.push(doc! { "tick": tick.0 as i64, "vans": frame });

        if self.buffer.len() < FLUSH_EVERY {
            return;
        }
        let frames = std::mem::take(&mut self.buffer);
        let coll = REPLAY_DB.database("fleet").collection::<Document>("replay_frames");
        if let Err(e) = coll.insert_many(frames).run() {
            eprintln!("replay flush failed: {e}");
        }
    }
}
