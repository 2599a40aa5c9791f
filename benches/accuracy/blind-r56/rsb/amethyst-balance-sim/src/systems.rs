//! ECS systems; every `run` below is called once per frame.

use std::sync::mpsc::SyncSender;

use amethyst::core::Time;
use amethyst::ecs::{Component, DenseVecStorage, Entities, Join, Read, System, WriteStorage};
use rand::Rng;

use crate::persist::MatchResult;

const HEROES: [&str; 6] = ["warden", "pyromancer", "ranger", "tinker", "monk", "reaver"];

pub struct ActiveMatch {
    pub blue: &'static str,
    pub red: &'static str,
    pub elapsed: f32,
    pub duration: f32,
    pub blue_hp: f32,
    pub red_hp: f32,
}

impl Component for ActiveMatch {
    type Storage = DenseVecStorage<Self>;
}

impl ActiveMatch {
    pub fn random() -> Self {
        let mut rng = rand::thread_rng();
        ActiveMatch {
            blue: HEROES[rng.gen_range(0..HEROES.len())],
            red: HEROES[rng.gen_range(0..HEROES.len())],
            elapsed: 0.0,
            duration: rng.gen_range(60.0..180.0),
            blue_hp: 1000.0,
            red_hp: 1000.0,
        }
    }
}

pub struct MatchSpawnSystem {
    max_parallel: usize,
}

impl MatchSpawnSystem {
    pub fn new(max_parallel: usize) -> Self {
        MatchSpawnSystem { max_parallel }
    }
}

impl<'s> System<'s> for MatchSpawnSystem {
    type SystemData = (Entities<'s>, WriteStorage<'s, ActiveMatch>);

    fn run(&mut self, (entities, mut matches): Self::SystemData) {
        let running = (&matches).join().count();
        for _ in running..self.max_parallel {
            let e = entities.create();
            let _ = matches.insert(e, ActiveMatch::random());
        }
    }
}

pub struct MatchClockSystem;

impl<'s> System<'s> for MatchClockSystem {
    type SystemData = (WriteStorage<'s, ActiveMatch>, Read<'s, Time>);

    fn run(&mut self, (mut matches, time): Self::SystemData) {
        let dt = time.delta_seconds();
        let mut rng = rand::thread_rng();
        for m in (&mut matches).join() {
            m.elapsed += dt * 10.0; // simulate at 10x real time
            m.blue_hp -= rng.gen_range(0.0..40.0) * dt;
            m.red_hp -= rng.gen_range(0.0..40.0) * dt;
        }
    }
}

/// Hands finished matches to the writer thread. `try_send` keeps the frame
/// from ever blocking on the database; the channel is bounded.
pub struct ResultSystem {
    results: SyncSender<MatchResult>,
}

impl ResultSystem {
    pub fn new(results: SyncSender<MatchResult>) -> Self {
        ResultSystem { results }
    }
}

impl<'s> System<'s> for ResultSystem {
    type SystemData = (Entities<'s>, WriteStorage<'s, ActiveMatch>);

    fn run(&mut self, (entities, matches): Self::SystemData) {
        for (e, m) in (&entities, &matches).join() {
            if m.elapsed < m.duration && m.blue_hp > 0.0 && m.red_hp > 0.0 {
                continue;
            }
            let winner = if m.blue_hp >= m.red_hp { m.blue } else { m.red };
            let _ = self.results.try_send(MatchResult {
                blue: m.blue,
                red: m.red,
                winner,
                seconds: m.elapsed,
            });
            let _ = entities.delete(e);
        }
    }
}
