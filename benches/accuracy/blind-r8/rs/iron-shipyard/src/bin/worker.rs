//! Recomputes shipment ETAs whenever the web process records a scan.
//! Runs as its own process (own deployment), so it owns its own pool.

use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;
use shipyard::db;

fn recompute_eta(conn: &mut Client, shipment_id: i64) -> Result<(), postgres::Error> {
    conn.execute(
        "UPDATE shipments s
            SET eta = now() + (SELECT avg(leg_minutes) FROM lane_stats l WHERE l.lane_id = s.lane_id) * interval '1 minute',
                status = 'in_transit'
          WHERE s.id = $1",
        &[&shipment_id],
    )?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    env_logger::init();
    let pool = db::pool(4)?;

    // One pooled connection is dedicated to LISTEN for the life of the process.
    let mut listener = pool.get()?;
    listener.batch_execute("LISTEN shipment_events")?;
    let mut notifications = listener.notifications();
    let mut events = notifications.blocking_iter();

    log::info!("shipyard-worker waiting for scan events");
    while let Some(note) = events.next()? {
        let Ok(id) = note.payload().parse::<i64>() else {
            log::warn!("ignoring payload {:?}", note.payload());
            continue;
        };
        let mut conn = pool.get()?;
        if let Err(err) = recompute_eta(&mut conn, id) {
            log::error!("eta for shipment {id} failed: {err}");
        }
    }
    Ok(())
}
