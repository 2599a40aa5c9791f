//! stage-cue-logger
//!
//! Sits on the DSM's laptop, listens to the lighting console's MIDI output and
//! records every cue that is fired so the show report can be produced after
//! the curtain. The prompt-corner tablet gets a live "cue fired" notification.

use std::io::{stdin, BufRead};

use anyhow::{anyhow, Context};
use midir::{Ignore, MidiInput};

mod cues;
mod store;

/// State handed to the MIDI callback.
pub struct Show {
    pub production: String,
    pub performance_id: i64,
    pub tablet_url: String,
    pub fired: u32,
}

fn main() -> anyhow::Result<()> {
    let production = std::env::var("PRODUCTION").unwrap_or_else(|_| "untitled".into());
    let wanted_port = std::env::var("MIDI_PORT").unwrap_or_else(|_| "Eos".into());

    // Open tonight's performance row; this connection is only for start-up.
    let performance_id = {
        let mut db = store::connect().context("show database")?;
        let id = store::open_performance(&mut db, &production)?;
        db.close()?;
        id
    };

    let show = Show {
        production,
        performance_id,
        tablet_url: std::env::var("TABLET_URL").unwrap_or_else(|_| "http://prompt-tablet.local:8080/cue".into()),
        fired: 0,
    };

    let mut midi_in = MidiInput::new("stage-cue-logger")?;
    midi_in.ignore(Ignore::TimeAndActiveSense);

    let ports = midi_in.ports();
    let port = ports
        .iter()
        .find(|p| {
            midi_in
                .port_name(p)
                .map(|name| name.contains(&wanted_port))
                .unwrap_or(false)
        })
        .cloned()
        .context("lighting console MIDI port not found")?;
    println!("listening on {}", midi_in.port_name(&port)?);

    let _connection = midi_in
        .connect(
            &port,
            "cue-in",
            move |stamp_us, message, show: &mut Show| {
                let Some(cue) = cues::parse(message) else {
                    return;
                };
                show.fired += 1;

                match store::connect() {
                    Ok(mut db) => {
                        if let Err(e) = store::log_cue(&mut db, show.performance_id, &cue, stamp_us) {
                            eprintln!("cue {} not logged: {e}", cue.label());
                        }
                    }
                    Err(e) => eprintln!("show database unreachable, cue {} lost: {e}", cue.label()),
                }

                cues::notify_tablet(&show.tablet_url, &show.production, &cue, show.fired);
            },
            show,
        )
        .map_err(|e| anyhow!("could not connect to MIDI port: {e}"))?;

    println!("logging cues - press <enter> at curtain down");
    let mut line = String::new();
    stdin().lock().read_line(&mut line)?;
    Ok(())
}
