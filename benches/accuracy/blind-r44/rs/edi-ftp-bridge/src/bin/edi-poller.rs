use std::time::Duration;

use edi_bridge::{db, ftp::PartnerFtp, parse_850};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let pool = db::make_pool(4)?;
    let mut partner = PartnerFtp::from_env()?;

    loop {
        if let Err(e) = poll_once(&pool, &mut partner) {
            log::error!("poll cycle failed: {}", e);
        }
        std::thread::sleep(Duration::from_secs(60));
    }
}

fn poll_once(pool: &db::PgPool, partner: &mut PartnerFtp) -> Result<(), Box<dyn std::error::Error>> {
    let ftp = partner.session()?;
    let files = ftp.nlst(Some("/outbound"))?;

    for path in files.iter().filter(|p| p.ends_with(".850")) {
        let raw = ftp.retr_as_buffer(path)?.into_inner();
        let text = String::from_utf8_lossy(&raw);
        let orders = parse_850(&text);

        let mut conn = pool.get()?;
        let mut tx = conn.transaction()?;
        for (control, po) in &orders {
            tx.execute(
                "INSERT INTO inbound_orders (control_no, po_number, source_file, received_at)
                 VALUES ($1, $2, $3, now()) ON CONFLICT (control_no) DO NOTHING",
                &[control, po, path],
            )?;
        }
        tx.commit()?;

        ftp.rename(path, &format!("{}.done", path))?;
        log::info!("{}: {} purchase orders", path, orders.len());
    }
    Ok(())
}
