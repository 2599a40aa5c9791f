//! A telnet session to one UPS network management card. The card only allows
//! two concurrent sessions, so each poller thread keeps its session open and
//! reconnects only after the card drops it.

use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use telnet::{Event, Telnet};

pub struct Reading {
    pub load_pct: f32,
    pub runtime_min: f32,
    pub on_battery: bool,
}

pub struct UpsSession {
    addr: String,
    password: String,
    conn: Option<Telnet>,
}

impl UpsSession {
    pub fn new(addr: &str, password: &str) -> Self {
        UpsSession { addr: addr.to_string(), password: password.to_string(), conn: None }
    }

    fn login(&mut self) -> Result<()> {
        let mut t = Telnet::connect((self.addr.as_str(), 23), 512)?;
        read_until(&mut t, "User Name :", Duration::from_secs(5))?;
        t.write(b"apc\r\n")?;
        read_until(&mut t, "Password  :", Duration::from_secs(5))?;
        t.write(format!("{}\r\n", self.password).as_bytes())?;
        read_until(&mut t, "apc>", Duration::from_secs(5))?;
        self.conn = Some(t);
        Ok(())
    }

    pub fn poll(&mut self) -> Result<Reading> {
        if self.conn.is_none() {
            self.login()?;
        }
        let t = self.conn.as_mut().expect("logged in");
        let result = t
            .write(b"detstatus -all\r\n")
            .map_err(anyhow::Error::from)
            .and_then(|_| read_until(t, "apc>", Duration::from_secs(8)));
        match result {
            Ok(text) => parse(&text),
            Err(e) => {
                self.conn = None; // dropped by the card; log in again next round
                Err(e)
            }
        }
    }
}

fn read_until(t: &mut Telnet, prompt: &str, timeout: Duration) -> Result<String> {
    let deadline = Instant::now() + timeout;
    let mut out = String::new();
    while Instant::now() < deadline {
        match t.read_timeout(Duration::from_millis(500))? {
            Event::Data(bytes) => {
                out.push_str(&String::from_utf8_lossy(&bytes));
                if out.trim_end().ends_with(prompt) {
                    return Ok(out);
                }
            }
            Event::TimedOut | Event::NoData => continue,
            _ => {}
        }
    }
    Err(anyhow!("timed out waiting for {prompt:?}"))
}

fn field(text: &str, label: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .map(|rest| rest.trim_start_matches([' ', ':']).trim().to_string())
}

fn parse(text: &str) -> Result<Reading> {
    let number = |label: &str| -> Result<f32> {
        let raw = field(text, label).ok_or_else(|| anyhow!("missing {label}"))?;
        let first = raw.split_whitespace().next().unwrap_or_default();
        Ok(first.parse()?)
    };
    Ok(Reading {
        load_pct: number("Output VA Percent")?,
        runtime_min: number("Runtime Remaining")?,
        on_battery: field(text, "Status of UPS").is_some_and(|s| s.contains("On Battery")),
    })
}
