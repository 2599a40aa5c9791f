//! One process per match. The tick loop steps the rapier pipeline at 60 Hz
//! for the whole match (8 minutes); rapier calls our EventHandler for every
//! collision and contact-force event produced during a step.

mod arena;
mod events;

use std::net::UdpSocket;
use std::time::{Duration, Instant};

use anyhow::Result;
use rapier3d::prelude::*;
use serde::{Deserialize, Serialize};

use crate::events::MatchEvents;

const TICK: Duration = Duration::from_micros(16_667);
const MATCH_LENGTH: Duration = Duration::from_secs(8 * 60);

#[derive(Deserialize)]
struct Input {
    player: u32,
    thrust_x: f32,
    thrust_z: f32,
}

#[derive(Serialize)]
struct MatchResult<'a> {
    match_id: &'a str,
    scores: Vec<(u32, i64)>,
}

fn main() -> Result<()> {
    env_logger::init();
    let match_id = std::env::var("MATCH_ID")?;
    let socket = UdpSocket::bind(std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:7777".into()))?;
    socket.set_nonblocking(true)?;

    // Built once for the end-of-match webhook.
    let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build()?;

    let mut world = arena::build(8);
    let events = MatchEvents::new(match_id.clone());

    let gravity = vector![0.0, -9.81, 0.0];
    let integration_parameters = IntegrationParameters::default();
    let mut pipeline = PhysicsPipeline::new();
    let mut island_manager = IslandManager::new();
    let mut broad_phase = DefaultBroadPhase::new();
    let mut narrow_phase = NarrowPhase::new();
    let mut impulse_joints = ImpulseJointSet::new();
    let mut multibody_joints = MultibodyJointSet::new();
    let mut ccd_solver = CCDSolver::new();
    let mut query_pipeline = QueryPipeline::new();

    let started = Instant::now();
    let mut buf = [0u8; 512];
    while started.elapsed() < MATCH_LENGTH {
        let frame_start = Instant::now();

        while let Ok((n, _peer)) = socket.recv_from(&mut buf) {
            if let Ok(input) = serde_json::from_slice::<Input>(&buf[..n]) {
                arena::apply_thrust(&mut world, input.player, input.thrust_x, input.thrust_z);
            }
        }

        pipeline.step(
            &gravity,
            &integration_parameters,
            &mut island_manager,
            &mut broad_phase,
            &mut narrow_phase,
            &mut world.bodies,
            &mut world.colliders,
            &mut impulse_joints,
            &mut multibody_joints,
            &mut ccd_solver,
            Some(&mut query_pipeline),
            &(),
            &events,
        );

        arena::respawn_fallen(&mut world);
        if let Some(rest) = TICK.checked_sub(frame_start.elapsed()) {
            std::thread::sleep(rest);
        }
    }

    let result = MatchResult { match_id: &match_id, scores: events.final_scores() };
    http.post(std::env::var("RESULTS_WEBHOOK")?).json(&result).send()?.error_for_status()?;
    Ok(())
}
