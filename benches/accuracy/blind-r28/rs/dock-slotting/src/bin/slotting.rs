//! Reads inbound pallet scans (NDJSON on stdin, from the dock scanner bridge)
//! and asks the site's compiled slotting rules which zone to put them in.

use std::fs;
use std::io::{self, BufRead};

use dock_slotting::{database_url, make_pool};
use mysql::prelude::*;
use mysql::Pool;
use serde::Deserialize;
use wasmi::{Caller, Engine, Linker, Module, Store};

struct HostState {
    pool: Pool,
}

#[derive(Deserialize)]
struct PalletScan {
    pallet_id: u64,
    weight_kg: i32,
    height_cm: i32,
    hazard_class: i32,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = make_pool(&database_url(), 4)?;

    let engine = Engine::default();
    let wasm = fs::read(std::env::var("SLOTTING_RULES").unwrap_or_else(|_| "rules/slotting.wasm".to_string()))?;
    let module = Module::new(&engine, &wasm[..])?;
    let mut store = Store::new(&engine, HostState { pool: pool.clone() });

    let mut linker = <Linker<HostState>>::new(&engine);
    // called by the rules for each candidate zone they consider
    linker.func_wrap("dock", "zone_free_slots", |caller: Caller<'_, HostState>, zone: i32| -> i32 {
        let Ok(mut conn) = caller.data().pool.get_conn() else { return -1 };
        conn.exec_first::<i32, _, _>(
            "SELECT z.capacity - COUNT(s.pallet_id) FROM zones z \
             LEFT JOIN slots s ON s.zone_id = z.id AND s.pallet_id IS NOT NULL \
             WHERE z.id = ? GROUP BY z.capacity",
            (zone,),
        )
        .ok()
        .flatten()
        .unwrap_or(-1)
    })?;

    let instance = linker.instantiate(&mut store, &module)?.start(&mut store)?;
    let choose_zone = instance.get_typed_func::<(i32, i32, i32), i32>(&store, "choose_zone")?;

    for line in io::stdin().lock().lines() {
        let line = line?;
        let scan: PalletScan = match serde_json::from_str(&line) {
            Ok(scan) => scan,
            Err(err) => {
                eprintln!("bad scan: {}", err);
                continue;
            }
        };
        let zone = choose_zone.call(&mut store, (scan.weight_kg, scan.height_cm, scan.hazard_class))?;
        if zone < 0 {
            eprintln!("pallet {}: no zone accepts it, sending to exception lane", scan.pallet_id);
            continue;
        }
        let mut conn = pool.get_conn()?;
        conn.exec_drop(
            "UPDATE slots SET pallet_id = ? WHERE zone_id = ? AND pallet_id IS NULL ORDER BY position LIMIT 1",
            (scan.pallet_id, zone),
        )?;
        println!("pallet {} -> zone {}", scan.pallet_id, zone);
    }
    Ok(())
}
