//! Take logger for the studio's REAPER rigs.
//!
//! Loaded by REAPER at start-up (UserPlugins/reaper_take_logger.dll|so|dylib).
//! Registers two actions and one control surface; the surface is driven by
//! REAPER's main loop and by transport changes.

mod notes;
mod surface;

use std::cell::RefCell;
use std::error::Error;
use std::sync::OnceLock;

use reaper_low::PluginContext;
use reaper_macros::reaper_extension_plugin;
use reaper_medium::{CommandId, HookCommand, ReaperSession};

use crate::surface::TakeSurface;

thread_local! {
    // Registrations are undone when the session is dropped, so keep it for the
    // whole lifetime of the REAPER process.
    static SESSION: RefCell<Option<ReaperSession>> = RefCell::new(None);
}

static SYNC_NOTES_CMD: OnceLock<CommandId> = OnceLock::new();
static MARK_KEEPER_CMD: OnceLock<CommandId> = OnceLock::new();

#[derive(Clone, Debug)]
pub struct Settings {
    pub studio_dsn: String,
    pub room: String,
    pub notes_url: String,
    pub heartbeat_url: String,
}

impl Settings {
    fn from_env() -> Settings {
        Settings {
            studio_dsn: std::env::var("TAKELOG_DSN")
                .unwrap_or_else(|_| "host=db.studio.lan user=takelog dbname=studio".into()),
            room: std::env::var("TAKELOG_ROOM").unwrap_or_else(|_| "A".into()),
            notes_url: std::env::var("TAKELOG_NOTES_URL")
                .unwrap_or_else(|_| "https://notes.studio.lan/api/sessions".into()),
            heartbeat_url: std::env::var("TAKELOG_HEARTBEAT_URL")
                .unwrap_or_else(|_| "https://ops.studio.lan/api/rigs/heartbeat".into()),
        }
    }
}

struct TakeLogCommands;

impl HookCommand for TakeLogCommands {
    fn call(command_id: CommandId, _flag: i32) -> bool {
        if Some(&command_id) == SYNC_NOTES_CMD.get() {
            if let Err(e) = notes::sync_session_notes() {
                eprintln!("take-logger: note sync failed: {e}");
            }
            return true;
        }
        if Some(&command_id) == MARK_KEEPER_CMD.get() {
            surface::mark_last_take_as_keeper();
            return true;
        }
        false
    }
}

#[reaper_extension_plugin]
fn plugin_main(context: PluginContext) -> Result<(), Box<dyn Error>> {
    let mut session = ReaperSession::load(context);
    let settings = Settings::from_env();

    let sync_cmd = session.plugin_register_add_command_id("TAKELOG_SYNC_NOTES")?;
    let keeper_cmd = session.plugin_register_add_command_id("TAKELOG_MARK_KEEPER")?;
    let _ = SYNC_NOTES_CMD.set(sync_cmd);
    let _ = MARK_KEEPER_CMD.set(keeper_cmd);
    session.plugin_register_add_hook_command::<TakeLogCommands>()?;

    notes::init(settings.clone());
    let surface = TakeSurface::new(session.reaper().clone(), settings);
    session.plugin_register_add_csurf_inst(Box::new(surface))?;

    session
        .reaper()
        .show_console_msg("take-logger: loaded, logging recorded takes\n");
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    Ok(())
}
