use std::io::Cursor;
use std::time::Duration;

use edi_bridge::{db, ftp::PartnerFtp};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let pool = db::make_pool(2)?;
    let mut partner = PartnerFtp::from_env()?;

    loop {
        match send_acks(&pool, &mut partner) {
            Ok(0) => {}
            Ok(n) => log::info!("uploaded {} acknowledgements", n),
            Err(e) => log::error!("ack cycle failed: {}", e),
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}

fn send_acks(pool: &db::PgPool, partner: &mut PartnerFtp) -> Result<usize, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    let pending = conn.query(
        "SELECT control_no FROM inbound_orders WHERE acked_at IS NULL ORDER BY received_at LIMIT 200",
        &[],
    )?;
    if pending.is_empty() {
        return Ok(0);
    }

    let ftp = partner.session()?;
    for row in &pending {
        let control: String = row.get(0);
        let body = format!("ST*997*{c}~AK1*PO*{c}~AK9*A*1*1*1~SE*4*{c}~", c = control);
        ftp.put_file(format!("/inbound/997_{}.edi", control), &mut Cursor::new(body.into_bytes()))?;
        conn.execute("UPDATE inbound_orders SET acked_at = now() WHERE control_no = $1", &[&control])?;
    }
    Ok(pending.len())
}
