//! Vessel registry from AIS static and voyage data (message types 5 and 24).

use deadpool_postgres::Pool;
use nmea_parser::ais::VesselStaticData;

pub async fn upsert_vessel(pool: &Pool, vsd: &VesselStaticData) -> anyhow::Result<()> {
    let client = pool.get().await?;
    let Some(name) = vsd.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
        // type 24 part B carries no name; nothing to upsert yet
        return Ok(());
    };
    client
        .execute(
            "INSERT INTO vessels (mmsi, name, call_sign, imo, destination, updated_at) \
             VALUES ($1, $2, $3, $4, $5, now()) \
             ON CONFLICT (mmsi) DO UPDATE SET name = EXCLUDED.name, \
               call_sign = COALESCE(EXCLUDED.call_sign, vessels.call_sign), \
               imo = COALESCE(EXCLUDED.imo, vessels.imo), \
               destination = COALESCE(EXCLUDED.destination, vessels.destination), \
               updated_at = now()",
            &[
                &(vsd.mmsi as i64),
                &name,
                &vsd.call_sign.as_deref(),
                &vsd.imo_number.map(|n| n as i64),
                &vsd.destination.as_deref(),
            ],
        )
        .await?;
    Ok(())
}
