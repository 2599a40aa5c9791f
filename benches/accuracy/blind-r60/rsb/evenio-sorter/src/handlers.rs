use std::io::Write;
use std::net::TcpStream;

use evenio::prelude::*;

use crate::db::RoutingDb;

const REJECT_CHUTE: i32 = 99;

#[derive(GlobalEvent)]
pub struct ParcelScanned {
    pub tray: u32,
    pub barcode: String,
}

impl ParcelScanned {
    /// Scanner telegram: `<tray>;<barcode>`.
    pub fn parse(line: &str) -> Option<Self> {
        let (tray, barcode) = line.trim().split_once(';')?;
        Some(Self { tray: tray.parse().ok()?, barcode: barcode.to_string() })
    }
}

#[derive(GlobalEvent)]
pub struct Tick;

#[derive(Component)]
pub struct Plc(pub TcpStream);

#[derive(Component, Default)]
pub struct SortStats {
    sorted: u32,
    rejected: u32,
}

pub fn route_parcel(
    r: Receiver<ParcelScanned>,
    db: Single<&RoutingDb>,
    mut plc: Single<&mut Plc>,
    mut stats: Single<&mut SortStats>,
) {
    let chute = match db.0 .0.get() {
        Ok(mut conn) => conn
            .query_opt(
                "SELECT c.chute FROM parcels p JOIN chute_map c ON c.route = p.route
                 WHERE p.barcode = $1 AND c.active",
                &[&r.event.barcode],
            )
            .ok()
            .flatten()
            .map(|row| row.get::<_, i32>(0))
            .unwrap_or(REJECT_CHUTE),
        Err(e) => {
            eprintln!("routing db unavailable, rejecting tray {}: {e}", r.event.tray);
            REJECT_CHUTE
        }
    };

    if chute == REJECT_CHUTE {
        stats.0.rejected += 1;
    } else {
        stats.0.sorted += 1;
    }
    if let Err(e) = writeln!(plc.0 .0, "ASSIGN;{};{}", r.event.tray, chute) {
        eprintln!("PLC write failed for tray {}: {e}", r.event.tray);
    }
}

pub fn flush_stats(_: Receiver<Tick>, db: Single<&RoutingDb>, mut stats: Single<&mut SortStats>) {
    if stats.0.sorted == 0 && stats.0.rejected == 0 {
        return;
    }
    let Ok(mut conn) = db.0 .0.get() else {
        return;
    };
    let written = conn.execute(
        "INSERT INTO sort_throughput (at, sorted, rejected) VALUES (now(), $1, $2)",
        &[&(stats.0.sorted as i32), &(stats.0.rejected as i32)],
    );
    if written.is_ok() {
        *stats.0 = SortStats::default();
    }
}
