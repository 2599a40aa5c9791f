//! Userspace half of the edge firewall.
//!
//!   iptables -I INPUT -p tcp --syn -j NFQUEUE --queue-num 7 --queue-bypass
//!
//! Every new inbound connection is queued here; we look the source address up
//! in the shared blocklist and hand the kernel a verdict.

mod audit;
mod verdict;

use anyhow::{Context, Result};
use diesel::pg::PgConnection;
use diesel::Connection;
use nfq::{Queue, Verdict};

const QUEUE_NUM: u16 = 7;

fn main() -> Result<()> {
    env_logger::init();

    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;
    let mut db = PgConnection::establish(&db_url).context("connecting to audit database")?;

    let mut queue = Queue::open().context("opening netfilter queue socket")?;
    queue.bind(QUEUE_NUM)?;
    queue.set_fail_open(QUEUE_NUM, true)?;
    log::info!("bound to NFQUEUE {QUEUE_NUM}");

    loop {
        let mut msg = queue.recv()?;

        let decision = match verdict::decide(msg.get_payload()) {
            Ok(d) => d,
            Err(e) => {
                log::warn!("could not classify packet, letting it through: {e:#}");
                verdict::Decision::Allow
            }
        };

        match &decision {
            verdict::Decision::Allow => msg.set_verdict(Verdict::Accept),
            verdict::Decision::Block { src } => {
                if let Err(e) = audit::record_block(&mut db, src) {
                    log::error!("audit insert failed for {src}: {e}");
                }
                msg.set_verdict(Verdict::Drop);
            }
        }

        queue.verdict(msg)?;
    }
}
