//! `arma_persist_x64.dll`, loaded by the dedicated server (`-serverMod=@persist`).
//!
//! SQF calls into it with e.g.
//!   "arma_persist" callExtension ["player:save", [getPlayerUID _unit, str getUnitLoadout _unit, getPosASL _unit]];
//! from the mission's event handlers (PlayerConnected, HandleDisconnect,
//! EntityKilled, a 120 s autosave loop).

mod db;
mod player;
mod stats;

use arma_rs::{arma, Extension, Group};

#[arma]
fn init() -> Extension {
    if let Err(e) = db::init() {
        eprintln!("arma_persist: database unavailable at start-up: {e}");
    }
    Extension::build()
        .command("version", version)
        .group(
            "player",
            Group::new()
                .command("save", player::save)
                .command("load", player::load)
                .command("watch", player::watch),
        )
        .group(
            "stats",
            Group::new()
                .command("kill", stats::kill)
                .command("top", stats::top),
        )
        .finish()
}

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::init;

    #[test]
    fn version_command() {
        let extension = init().testing();
        let (output, code) = extension.call("version", None);
        assert_eq!(code, 0);
        assert_eq!(output, env!("CARGO_PKG_VERSION"));
    }
}
