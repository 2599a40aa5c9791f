mod machine;
mod shared;

use std::io::BufRead;

use acteur::Acteur;
use serde::Deserialize;

use crate::machine::{Fault, Vend, VendingMachine};

/// Lines written by the serial gateway: {"machine":17,"kind":"vend","slot":4,"cents":250}
#[derive(Deserialize)]
struct Telemetry {
    machine: u32,
    kind: String,
    #[serde(default)]
    slot: u8,
    #[serde(default)]
    cents: i32,
    #[serde(default)]
    code: String,
}

fn main() {
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    async_std::task::block_on(shared::init_pool(&database_url))
        .expect("cannot connect to the fleet database");

    let sys = Acteur::new();
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let t: Telemetry = match serde_json::from_str(&line) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("bad telemetry line: {e}");
                continue;
            }
        };
        match t.kind.as_str() {
            "vend" => sys.send_to_actor_sync::<VendingMachine, Vend>(
                t.machine,
                Vend { slot: t.slot, cents: t.cents },
            ),
            "fault" => sys.send_to_actor_sync::<VendingMachine, Fault>(t.machine, Fault { code: t.code }),
            other => eprintln!("ignoring telemetry kind {other}"),
        }
    }

    sys.stop();
    sys.wait_until_stopped();
}
