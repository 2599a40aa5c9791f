//! SCPI over a raw TCP socket (port 5025 on Keysight/R&S/Siglent gear):
//! newline-terminated commands, queries end in '?', one reply line each.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

#[derive(Clone, Copy)]
pub enum Kind {
    Dmm,
    Psu,
}

pub struct Instrument {
    pub name: String,
    kind: Kind,
    addr: String,
    link: Option<BufReader<TcpStream>>,
}

impl Instrument {
    pub fn new(name: &str, kind: Kind, addr: &str) -> Instrument {
        Instrument { name: name.to_string(), kind, addr: addr.to_string(), link: None }
    }

    fn link(&mut self) -> io::Result<&mut BufReader<TcpStream>> {
        if self.link.is_none() {
            let addr = self.addr.to_socket_addrs()?.next().ok_or(io::ErrorKind::NotFound)?;
            let s = TcpStream::connect_timeout(&addr, Duration::from_secs(3))?;
            s.set_read_timeout(Some(Duration::from_secs(5)))?;
            self.link = Some(BufReader::new(s));
        }
        Ok(self.link.as_mut().unwrap())
    }

    pub fn query(&mut self, cmd: &str) -> io::Result<String> {
        let result = (|| -> io::Result<String> {
            let link = self.link()?;
            link.get_mut().write_all(format!("{cmd}\n").as_bytes())?;
            let mut line = String::new();
            link.read_line(&mut line)?;
            Ok(line.trim().to_string())
        })();
        if result.is_err() {
            // A dropped LAN link or an instrument power cycle: reopen on the next poll.
            self.link = None;
        }
        result
    }

    pub fn measure(&mut self) -> io::Result<(&'static str, f64)> {
        let (quantity, cmd) = match self.kind {
            Kind::Dmm => ("volt_dc", "MEAS:VOLT:DC?"),
            Kind::Psu => ("curr", "MEAS:CURR? (@1)"),
        };
        let raw = self.query(cmd)?;
        let value = raw
            .parse::<f64>()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{raw:?}: {e}")))?;
        Ok((quantity, value))
    }
}
