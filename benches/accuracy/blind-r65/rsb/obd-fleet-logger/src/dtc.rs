use native_tls::TlsConnector;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

/// Records newly seen trouble codes in the fleet maintenance database so the
/// workshop can schedule the vehicle.
pub fn report(db_url: &str, vehicle_id: &str, codes: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let tls = MakeTlsConnector::new(TlsConnector::new()?);
    let mut db = Client::connect(db_url, tls)?;
    for code in codes {
        db.execute(
            "INSERT INTO vehicle_dtc (vehicle_id, code, first_seen) VALUES ($1, $2, now())
             ON CONFLICT (vehicle_id, code) DO UPDATE SET last_seen = now()",
            &[&vehicle_id, code],
        )?;
    }
    Ok(())
}
