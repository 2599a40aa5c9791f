//! Arcade cabinet extension. Loaded by Godot through arcade_scores.gdextension.
//!
//! Nodes exported here:
//!   - `Scoreboard`   : attract-mode high-score table, refreshed periodically
//!   - `SubmitPanel`  : initials entry shown after game over
//!   - `PlayerBadge`  : shows the logged-in member card (loaded once per scene)
//!
//! Build with `cargo build --release` and copy the cdylib next to the
//! `.gdextension` file in the Godot project (see cabinet/README).

use godot::init::InitLevel;
use godot::prelude::*;

mod badge;
mod db;
mod scoreboard;
mod submit_panel;

struct ArcadeScores;

#[gdextension]
unsafe impl ExtensionLibrary for ArcadeScores {
    fn on_level_init(level: InitLevel) {
        if level == InitLevel::Scene {
            godot_print!(
                "arcade_scores {} loaded (db: {})",
                env!("CARGO_PKG_VERSION"),
                if std::env::var("ARCADE_DB_URL").is_ok() { "env" } else { "default" }
            );
        }
    }
}
