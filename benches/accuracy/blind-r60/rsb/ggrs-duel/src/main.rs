//! Joins a duel as a GGRS spectator of the host peer, re-simulates it at 60 Hz from the
//! confirmed inputs, mirrors the score to the broadcast overlay and reports the result.

mod game;
mod overlay;
mod results;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::Context;
use ggrs::{GgrsError, GgrsEvent, GgrsRequest, SessionBuilder, UdpNonBlockingSocket};

use game::{Duel, DuelConfig};

const FPS: u32 = 60;

fn main() -> anyhow::Result<()> {
    let match_id = std::env::var("MATCH_ID").context("MATCH_ID")?;
    let host: SocketAddr = std::env::var("HOST_PEER").context("HOST_PEER")?.parse()?;
    let local_port: u16 = std::env::var("SPECTATOR_PORT").unwrap_or_else(|_| "7010".into()).parse()?;

    let mut overlay = overlay::Overlay::connect(&match_id)?;

    let socket = UdpNonBlockingSocket::bind_to_port(local_port)?;
    let mut session = SessionBuilder::<DuelConfig>::new()
        .with_num_players(2)
        .with_fps(FPS as usize)?
        .start_spectator_session(host, socket);

    let mut duel = Duel::default();
    let frame = Duration::from_secs_f64(1.0 / f64::from(FPS));
    let mut next_frame = Instant::now();

    while !duel.finished() {
        session.poll_remote_clients();
        for event in session.events() {
            match event {
                GgrsEvent::Disconnected { addr } => anyhow::bail!("host {addr} disconnected"),
                GgrsEvent::NetworkInterrupted { disconnect_timeout, .. } => {
                    eprintln!("host interrupted, {disconnect_timeout} ms before giving up");
                }
                _ => {}
            }
        }

        if Instant::now() < next_frame {
            std::thread::sleep(Duration::from_millis(1));
            continue;
        }
        next_frame += frame;

        match session.advance_frame() {
            Ok(requests) => {
                for request in requests {
                    if let GgrsRequest::AdvanceFrame { inputs } = request {
                        duel.advance(&inputs);
                    }
                }
            }
            // Spectators wait here until the host has sent confirmed inputs.
            Err(GgrsError::PredictionThreshold) => continue,
            Err(e) => return Err(e.into()),
        }

        if duel.frame % 15 == 0 {
            overlay.publish(&duel);
        }
    }

    overlay.publish(&duel);
    results::report(&match_id, &duel)?;
    Ok(())
}
