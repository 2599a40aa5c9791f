//! Listens to the console's sACN universes for the whole performance. Every
//! received DMX packet is diffed against the previous frame of its universe;
//! big jumps are logged as cues, and the live frame is mirrored to Redis for
//! the stage-manager dashboard (throttled to once a second per universe).

mod recorder;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sacn::packet::ACN_SDT_MULTICAST_PORT;
use sacn::receive::SacnReceiver;

use recorder::Recorder;

const CUE_MIN_CHANNELS: usize = 6;
const CUE_MIN_DELTA: u8 = 24;
const CUE_DEBOUNCE: Duration = Duration::from_millis(700);

struct UniverseState {
    last: Vec<u8>,
    last_cue: Instant,
    last_mirror: Instant,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let universes: Vec<u16> = std::env::var("UNIVERSES")
        .unwrap_or_else(|_| "1,2,3,4".into())
        .split(',')
        .filter_map(|u| u.trim().parse().ok())
        .collect();
    let show = std::env::var("SHOW_NAME").unwrap_or_else(|_| "untitled".into());

    let mut recorder = Recorder::start(
        &std::env::var("DATABASE_URL")?,
        &std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        &show,
    )?;

    let running = Arc::new(AtomicBool::new(true));
    let r = running.clone();
    ctrlc::set_handler(move || r.store(false, Ordering::SeqCst))?;

    let bind = SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), ACN_SDT_MULTICAST_PORT);
    let mut receiver = SacnReceiver::with_ip(bind, None)?;
    receiver.listen_universes(&universes)?;
    log::info!("recording '{show}' on universes {universes:?}");

    let mut state: HashMap<u16, UniverseState> = HashMap::new();
    while running.load(Ordering::Relaxed) {
        let packets = match receiver.recv(Some(Duration::from_millis(500))) {
            Ok(p) => p,
            Err(e) => {
                log::trace!("no sACN data: {e:?}");
                continue;
            }
        };
        for dmx in packets {
            let frame = dmx.values.get(1..).unwrap_or(&[]).to_vec(); // skip start code
            let now = Instant::now();
            let st = state.entry(dmx.universe).or_insert_with(|| UniverseState {
                last: vec![0; frame.len()],
                last_cue: now - CUE_DEBOUNCE,
                last_mirror: now - Duration::from_secs(1),
            });
            let changed = frame
                .iter()
                .zip(st.last.iter())
                .filter(|(a, b)| a.abs_diff(**b) >= CUE_MIN_DELTA)
                .count();
            if changed >= CUE_MIN_CHANNELS && now.duration_since(st.last_cue) >= CUE_DEBOUNCE {
                if let Err(e) = recorder.cue(dmx.universe, changed, &frame) {
                    log::error!("cue not recorded: {e}");
                }
                st.last_cue = now;
            }
            if now.duration_since(st.last_mirror) >= Duration::from_secs(1) {
                recorder.mirror(dmx.universe, &frame);
                st.last_mirror = now;
            }
            st.last = frame;
        }
    }

    log::info!("show ended, closing performance record");
    recorder.finish()?;
    Ok(())
}
