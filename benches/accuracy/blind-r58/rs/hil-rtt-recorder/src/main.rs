//! HIL rig daemon. Runs permanently on the rig's Raspberry Pi next to the
//! J-Link. The DUT firmware runs the on-target test suite in a loop (reset,
//! run all suites, reset ...) and prints one line per test case on RTT
//! channel 0. Every result line is recorded in the fleet database and
//! failures are reported to CI.

mod ci;
mod protocol;
mod store;

use std::time::Duration;

use anyhow::{Context, Result};
use probe_rs::probe::list::Lister;
use probe_rs::rtt::Rtt;
use probe_rs::Permissions;

use crate::protocol::Event;

fn main() -> Result<()> {
    env_logger::init();

    let chip = std::env::var("HIL_CHIP").unwrap_or_else(|_| "nRF52840_xxAA".to_string());
    let board = std::env::var("HIL_BOARD_ID").context("HIL_BOARD_ID is not set")?;
    let ci = ci::CiReporter::from_env()?;

    let lister = Lister::new();
    let probe = lister
        .list_all()
        .first()
        .context("no debug probe attached to the rig")?
        .open()?;
    let mut session = probe.attach(chip.as_str(), Permissions::default())?;
    let mut core = session.core(0)?;
    let mut rtt = Rtt::attach(&mut core)?;
    let channel = rtt
        .up_channel(0)
        .context("firmware does not expose RTT up channel 0")?;

    log::info!("attached to {chip} on board {board}, reading RTT");

    let mut buf = [0u8; 1024];
    let mut pending = String::new();
    let mut run_id: Option<i64> = None;

    loop {
        let n = channel.read(&mut core, &mut buf)?;
        if n == 0 {
            std::thread::sleep(Duration::from_millis(20));
            continue;
        }
        pending.push_str(&String::from_utf8_lossy(&buf[..n]));

        while let Some(end) = pending.find('\n') {
            let line: String = pending.drain(..=end).collect();
            let line = line.trim_end();

            match protocol::parse_line(line) {
                Some(Event::RunStarted { firmware }) => {
                    let mut db = store::open()?;
                    run_id = Some(store::start_run(&mut db, &board, &firmware)?);
                    log::info!("run started, firmware {firmware}");
                }
                Some(Event::Case(result)) => {
                    let Some(run) = run_id else {
                        log::warn!("result before run header, ignoring: {line}");
                        continue;
                    };
                    let mut db = store::open()?;
                    store::record_case(&mut db, run, &result)?;
                    if !result.passed {
                        ci.report_failure(&board, &result)?;
                    }
                }
                Some(Event::RunFinished { passed, failed }) => {
                    if let Some(run) = run_id.take() {
                        let mut db = store::open()?;
                        store::finish_run(&mut db, run, passed, failed)?;
                    }
                }
                None => log::debug!("fw: {line}"),
            }
        }
    }
}
