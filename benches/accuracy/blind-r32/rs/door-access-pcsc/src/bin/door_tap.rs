use std::ffi::CString;

use door_access::{access, db};
use pcsc::{Context, Protocols, ReaderState, Scope, ShareMode, State, PNP_NOTIFICATION};

const GET_UID: [u8; 5] = [0xFF, 0xCA, 0x00, 0x00, 0x00];

fn read_uid(ctx: &Context, reader: &std::ffi::CStr) -> Option<String> {
    let card = ctx.connect(reader, ShareMode::Shared, Protocols::ANY).ok()?;
    let mut buf = [0u8; 64];
    let resp = card.transmit(&GET_UID, &mut buf).ok()?;
    if resp.len() < 2 || resp[resp.len() - 2..] != [0x90, 0x00] {
        return None;
    }
    Some(resp[..resp.len() - 2].iter().map(|b| format!("{b:02X}")).collect())
}

fn open_strike(door: &str) {
    log::info!("door {door}: strike released");
    // GPIO relay is driven by the door firmware over the reader's LED/buzzer line.
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let door = std::env::var("DOOR_ID")?;

    let rt = tokio::runtime::Runtime::new()?;
    let db = rt.block_on(db::connect())?;

    let ctx = Context::establish(Scope::User)?;
    let mut readers_buf = [0u8; 2048];
    let mut states = vec![ReaderState::new(PNP_NOTIFICATION(), State::UNAWARE)];

    loop {
        states.retain(|rs| !rs.event_state().intersects(State::UNKNOWN | State::IGNORE));
        for name in ctx.list_readers(&mut readers_buf)? {
            if !states.iter().any(|rs| rs.name() == name) {
                states.push(ReaderState::new(CString::from(name), State::UNAWARE));
            }
        }
        for rs in &mut states {
            rs.sync_current_state();
        }

        ctx.get_status_change(None, &mut states)?;

        for rs in &states {
            if rs.name() == PNP_NOTIFICATION() {
                continue;
            }
            let inserted = rs.event_state().contains(State::PRESENT) && !rs.current_state().contains(State::PRESENT);
            if !inserted {
                continue;
            }
            let Some(uid) = read_uid(&ctx, rs.name()) else { continue };

            let allowed = rt.block_on(access::is_allowed(&db, &door, &uid)).unwrap_or(false);
            if allowed {
                open_strike(&door);
            }
            if let Err(err) = rt.block_on(access::log_tap(&db, &door, &uid, allowed)) {
                log::error!("could not log tap: {err}");
            }
        }
    }
}
