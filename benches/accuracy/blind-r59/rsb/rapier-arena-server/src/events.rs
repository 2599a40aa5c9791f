//! rapier EventHandler: called by PhysicsPipeline::step for every collision
//! start/stop and every contact whose force exceeds the collider threshold.

use std::collections::HashMap;
use std::sync::Mutex;

use postgres::{Client, NoTls};
use rapier3d::prelude::*;
use redis::Commands;

use crate::arena::{untag, KIND_PICKUP, KIND_PLAYER};

pub struct MatchEvents {
    match_id: String,
    scores: Mutex<HashMap<u32, i64>>,
}

impl MatchEvents {
    pub fn new(match_id: String) -> Self {
        MatchEvents { match_id, scores: Mutex::new(HashMap::new()) }
    }

    pub fn final_scores(&self) -> Vec<(u32, i64)> {
        let mut v: Vec<_> = self.scores.lock().unwrap().iter().map(|(k, v)| (*k, *v)).collect();
        v.sort_by_key(|(_, s)| -s);
        v
    }

    fn award(&self, player: u32, points: i64) {
        *self.scores.lock().unwrap().entry(player).or_default() += points;

        // Live leaderboard for spectators.
        let url = std::env::var("LEADERBOARD_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
        let mut con = match redis::Client::open(url).and_then(|c| c.get_connection()) {
            Ok(con) => con,
            Err(e) => return log::warn!("leaderboard unavailable: {e}"),
        };
        let key = format!("match:{}:scores", self.match_id);
        let _: redis::RedisResult<f64> = con.zincr(key, player, points);
    }
}

impl EventHandler for MatchEvents {
    fn handle_collision_event(
        &self,
        _bodies: &RigidBodySet,
        colliders: &ColliderSet,
        event: CollisionEvent,
        _contact_pair: Option<&ContactPair>,
    ) {
        let CollisionEvent::Started(a, b, _flags) = event else { return };
        let (Some(ca), Some(cb)) = (colliders.get(a), colliders.get(b)) else { return };
        match (untag(ca.user_data), untag(cb.user_data)) {
            ((KIND_PLAYER, player), (KIND_PICKUP, _)) | ((KIND_PICKUP, _), (KIND_PLAYER, player)) => {
                self.award(player, 10);
            }
            _ => {}
        }
    }

    fn handle_contact_force_event(
        &self,
        _dt: Real,
        _bodies: &RigidBodySet,
        colliders: &ColliderSet,
        contact_pair: &ContactPair,
        total_force_magnitude: Real,
    ) {
        let (Some(c1), Some(c2)) = (colliders.get(contact_pair.collider1), colliders.get(contact_pair.collider2)) else {
            return;
        };
        let ((k1, p1), (k2, p2)) = (untag(c1.user_data), untag(c2.user_data));
        if k1 != KIND_PLAYER || k2 != KIND_PLAYER {
            return;
        }

        // Big bumps are kept for the anti-cheat replay review.
        let url = std::env::var("MATCH_DB_URL").unwrap_or_else(|_| "postgres://arena@localhost/matches".into());
        match Client::connect(&url, NoTls) {
            Ok(mut db) => {
                let _ = db.execute(
                    "INSERT INTO bump_events (match_id, player_a, player_b, force) VALUES ($1, $2, $3, $4)",
                    &[&self.match_id, &(p1 as i32), &(p2 as i32), &total_force_magnitude],
                );
            }
            Err(e) => log::warn!("bump not recorded: {e}"),
        }
    }
}
