//! One instance per operating position. Polls the position's radio through
//! Hamlib's `rigctld` network daemon (default protocol on TCP 4532: `f` returns
//! the VFO frequency in Hz, `m` returns the mode and passband), and on every
//! band or mode change (QSY) updates the shared station board and the QSY log
//! used to check the multi-single "10-minute rule".
mod board;
mod heartbeat;
mod qsy;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{bail, Context};

struct Rig {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Rig {
    fn connect(addr: &str) -> anyhow::Result<Rig> {
        let stream = TcpStream::connect(addr).with_context(|| format!("rigctld at {addr}"))?;
        stream.set_read_timeout(Some(Duration::from_secs(2)))?;
        let writer = stream.try_clone()?;
        Ok(Rig { reader: BufReader::new(stream), writer })
    }

    fn line(&mut self) -> anyhow::Result<String> {
        let mut buf = String::new();
        if self.reader.read_line(&mut buf)? == 0 {
            bail!("rigctld closed the connection");
        }
        let line = buf.trim_end().to_string();
        if let Some(code) = line.strip_prefix("RPRT ") {
            bail!("rigctld error {code}");
        }
        Ok(line)
    }

    fn frequency(&mut self) -> anyhow::Result<u64> {
        self.writer.write_all(b"f\n")?;
        Ok(self.line()?.parse()?)
    }

    fn mode(&mut self) -> anyhow::Result<(String, u32)> {
        self.writer.write_all(b"m\n")?;
        let mode = self.line()?;
        let passband = self.line()?.parse().unwrap_or(0);
        Ok((mode, passband))
    }
}

fn band_of(hz: u64) -> Option<&'static str> {
    Some(match hz {
        1_800_000..=2_000_000 => "160m",
        3_500_000..=4_000_000 => "80m",
        7_000_000..=7_300_000 => "40m",
        14_000_000..=14_350_000 => "20m",
        21_000_000..=21_450_000 => "15m",
        28_000_000..=29_700_000 => "10m",
        _ => return None,
    })
}

fn main() -> anyhow::Result<()> {
    let position = std::env::var("POSITION").unwrap_or_else(|_| "RUN1".into());
    let rig_addr = std::env::var("RIGCTLD_ADDR").unwrap_or_else(|_| "127.0.0.1:4532".into());
    let board_url = std::env::var("BOARD_REDIS_URL").unwrap_or_else(|_| "redis://board.shack.lan/".into());
    let db_url = std::env::var("CONTEST_DB_URL").context("CONTEST_DB_URL")?;

    let qsy_log = qsy::QsyLog::open(&db_url)?;
    let beat = heartbeat::Heartbeat::start(&db_url, &position)?;

    let mut rig = Rig::connect(&rig_addr)?;
    let mut last: Option<(&'static str, String)> = None;

    loop {
        std::thread::sleep(Duration::from_millis(500));

        let reading = rig.frequency().and_then(|hz| Ok((hz, rig.mode()?)));
        let (hz, (mode, _passband)) = match reading {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{position}: {e:#}; reconnecting to rigctld");
                std::thread::sleep(Duration::from_secs(3));
                if let Ok(r) = Rig::connect(&rig_addr) {
                    rig = r;
                }
                continue;
            }
        };
        beat.update(hz);

        let Some(band) = band_of(hz) else { continue };
        let changed = match &last {
            Some((b, m)) => *b != band || *m != mode,
            None => true,
        };
        if !changed {
            continue;
        }

        if let Some((prev_band, _)) = &last {
            if *prev_band != band {
                match qsy_log.minutes_since_band_change(&position) {
                    Ok(Some(min)) if min < 10 => {
                        eprintln!("{position}: WARNING band change after {min} min (10-minute rule)")
                    }
                    Ok(_) => {}
                    Err(e) => eprintln!("{position}: qsy log query failed: {e}"),
                }
            }
        }

        if let Err(e) = qsy_log.record(&position, band, &mode, hz) {
            eprintln!("{position}: qsy log insert failed: {e}");
        }
        if let Err(e) = board::publish_qsy(&board_url, &position, band, &mode, hz) {
            eprintln!("{position}: station board update failed: {e}");
        }
        last = Some((band, mode));
    }
}
