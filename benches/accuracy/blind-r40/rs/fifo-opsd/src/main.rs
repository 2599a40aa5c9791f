//! Support scripts run `echo "refund 1042 1999 duplicate" > /run/opsd/commands`.
//! Each line is one command; handlers are registered at link time by the
//! modules under `commands/` and all share the Services built in main.

use std::fs::File;
use std::io::{BufRead, BufReader};

mod commands;
mod services;

const FIFO: &str = "/run/opsd/commands";

fn main() -> anyhow::Result<()> {
    let services = services::Services::connect()?;
    eprintln!(
        "opsd ready, commands: {}",
        commands::COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
    );

    // Opening a FIFO blocks until a writer shows up; EOF means the writer went
    // away, so reopen and wait for the next one.
    loop {
        let reader = BufReader::new(File::open(FIFO)?);
        for line in reader.lines() {
            let line = line?;
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some((&name, args)) = words.split_first() else { continue };
            match commands::COMMANDS.iter().find(|c| c.name == name) {
                Some(cmd) => match (cmd.run)(&services, args) {
                    Ok(()) => eprintln!("{name}: ok"),
                    Err(err) => eprintln!("{name}: {err:#}"),
                },
                None => eprintln!("unknown command {name:?}"),
            }
        }
    }
}
