mod checks;
mod packet;

use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use anyhow::{bail, Result};
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

fn make_pool(url: &str) -> Result<Pool> {
    let constraints = PoolConstraints::new(1, 4).expect("valid constraints");
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    for attempt in 1..=5 {
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(e) => {
                log::warn!("MySQL not reachable yet (attempt {attempt}/5): {e}");
                thread::sleep(Duration::from_secs(3 * attempt));
            }
        }
    }
    bail!("giving up on MySQL at start-up")
}

fn main() -> Result<()> {
    env_logger::init();
    let allowed: Vec<IpAddr> = std::env::var("NRPE_ALLOWED_HOSTS")?
        .split(',')
        .map(|h| h.trim().parse())
        .collect::<Result<_, _>>()?;

    let deps = Arc::new(checks::Deps {
        pool: make_pool(&std::env::var("MYSQL_URL")?)?,
        http: ureq::AgentBuilder::new().timeout_connect(Duration::from_secs(2)).build(),
        queue_api: std::env::var("QUEUE_STATS_URL")?,
    });

    let listener = TcpListener::bind("0.0.0.0:5666")?;
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => { log::warn!("accept failed: {e}"); continue; }
        };
        match stream.peer_addr() {
            Ok(peer) if allowed.contains(&peer.ip()) => {}
            _ => continue, // dropped: not a configured Nagios host
        }
        let deps = Arc::clone(&deps);
        thread::spawn(move || {
            if let Err(e) = serve(stream, &deps) {
                log::warn!("NRPE request failed: {e:#}");
            }
        });
    }
    Ok(())
}

/// One check per TCP connection, as check_nrpe does it.
fn serve(mut stream: TcpStream, deps: &checks::Deps) -> Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut raw = [0u8; packet::PACKET_LEN];
    stream.read_exact(&mut raw)?;
    let query = packet::parse_query(&raw)?;

    let mut parts = query.split('!');
    let command = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.collect();
    let result = match command {
        "_NRPE_CHECK" => Ok((checks::OK, "NRPE v0.3.0 (nrpe-agent)".to_string())),
        "check_replica_lag" => checks::replica_lag(deps, &args),
        "check_stuck_invoices" => checks::stuck_invoices(deps, &args),
        "check_billing_queue" => checks::queue_depth(deps, &args),
        other => Ok((checks::UNKNOWN, format!("NRPE: command '{other}' not defined"))),
    };
    let (code, text) = result.unwrap_or_else(|e| (checks::UNKNOWN, format!("UNKNOWN - {e:#}")));
    stream.write_all(&packet::response(code, &text))?;
    Ok(())
}
