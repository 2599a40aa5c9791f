mod journal;

use std::collections::HashMap;
use std::time::Duration;

use penrose::builtin::actions::{exit, key_handler, modify_with, send_layout_message, spawn};
use penrose::builtin::layout::messages::{ExpandMain, IncMain, ShrinkMain};
use penrose::core::bindings::{parse_keybindings_with_xmodmap, KeyEventHandler};
use penrose::core::{Config, WindowManager};
use penrose::x11rb::RustConn;
use penrose::{map, Result};
use tracing_subscriber::prelude::*;

use crate::journal::{FocusJournal, ProjectTagger};

const TIMESHEET_API: &str = "https://timesheet.internal.example.com/api/v1";

fn raw_key_bindings(http: reqwest::blocking::Client) -> HashMap<String, Box<dyn KeyEventHandler<RustConn>>> {
    let mut raw_bindings = map! {
        map_keys: |k: &str| k.to_string();

        "M-j" => modify_with(|cs| cs.focus_down()),
        "M-k" => modify_with(|cs| cs.focus_up()),
        "M-S-j" => modify_with(|cs| cs.swap_down()),
        "M-S-k" => modify_with(|cs| cs.swap_up()),
        "M-S-q" => modify_with(|cs| cs.kill_focused()),
        "M-Tab" => modify_with(|cs| cs.toggle_tag()),
        "M-grave" => modify_with(|cs| cs.next_layout()),
        "M-S-Up" => send_layout_message(|| IncMain(1)),
        "M-S-Down" => send_layout_message(|| IncMain(-1)),
        "M-S-Right" => send_layout_message(|| ExpandMain),
        "M-S-Left" => send_layout_message(|| ShrinkMain),
        "M-semicolon" => spawn("dmenu_run"),
        "M-Return" => spawn("alacritty"),
        "M-A-Escape" => exit(),
    };

    // M-b toggles "on a break" in the timesheet service
    raw_bindings.insert(
        "M-b".to_string(),
        key_handler(move |_state, _x| {
            if let Err(err) = http.post(format!("{TIMESHEET_API}/break/toggle")).send() {
                tracing::warn!(%err, "could not toggle break");
            }
            Ok(())
        }),
    );

    for tag in ["1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        raw_bindings.extend([
            (format!("M-{tag}"), modify_with(move |cs| cs.focus_tag(tag))),
            (format!("M-S-{tag}"), modify_with(move |cs| cs.move_focused_to_tag(tag))),
        ]);
    }

    raw_bindings
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter("info")
        .finish()
        .init();

    let dsn = std::env::var("FOCUS_JOURNAL_DSN")
        .unwrap_or_else(|_| "host=localhost user=me dbname=timesheet".to_string());

    // built once for the keybindings; the WM process lives for the session
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("http client");

    let config = Config {
        refresh_hook: Some(Box::new(FocusJournal::new(dsn))),
        manage_hook: Some(Box::new(ProjectTagger::new(TIMESHEET_API))),
        ..Config::default()
    };

    let conn = RustConn::new()?;
    let key_bindings = parse_keybindings_with_xmodmap(raw_key_bindings(http))?;
    let wm = WindowManager::new(config, key_bindings, HashMap::new(), conn)?;

    wm.run()
}
