//! OpenTTD admin port (default 3977). Every packet: u16 LE size (including the
//! 3-byte header), u8 packet type, payload. Strings are NUL-terminated.

use std::io::{self, Read, Write};
use std::net::TcpStream;

use byteorder::{LittleEndian, ReadBytesExt, WriteBytesExt};

pub const ADMIN_JOIN: u8 = 0;
pub const ADMIN_QUIT: u8 = 1;
pub const ADMIN_UPDATE_FREQUENCY: u8 = 2;
pub const ADMIN_CHAT: u8 = 4;

pub const SERVER_FULL: u8 = 100;
pub const SERVER_BANNED: u8 = 101;
pub const SERVER_ERROR: u8 = 102;
pub const SERVER_WELCOME: u8 = 104;
pub const SERVER_NEWGAME: u8 = 105;
pub const SERVER_SHUTDOWN: u8 = 106;
pub const SERVER_COMPANY_ECONOMY: u8 = 117;
pub const SERVER_CHAT: u8 = 119;

pub const UPDATE_COMPANY_ECONOMY: u16 = 3;
pub const UPDATE_CHAT: u16 = 5;
pub const FREQ_WEEKLY: u16 = 0x04;
pub const FREQ_AUTOMATIC: u16 = 0x40;

const NETWORK_ACTION_CHAT: u8 = 3;
const DESTTYPE_BROADCAST: u8 = 0;

pub struct Packet {
    pub kind: u8,
    pub body: Vec<u8>,
}

pub struct Conn {
    stream: TcpStream,
}

impl Conn {
    pub fn join(addr: &str, password: &str, bot_name: &str) -> io::Result<Conn> {
        let stream = TcpStream::connect(addr)?;
        let mut conn = Conn { stream };
        let mut body = Vec::new();
        put_str(&mut body, password);
        put_str(&mut body, bot_name);
        put_str(&mut body, env!("CARGO_PKG_VERSION"));
        conn.send(ADMIN_JOIN, &body)?;
        Ok(conn)
    }

    fn send(&mut self, kind: u8, body: &[u8]) -> io::Result<()> {
        let mut pkt = Vec::with_capacity(body.len() + 3);
        pkt.write_u16::<LittleEndian>((body.len() + 3) as u16)?;
        pkt.push(kind);
        pkt.extend_from_slice(body);
        self.stream.write_all(&pkt)
    }

    pub fn subscribe(&mut self, update: u16, freq: u16) -> io::Result<()> {
        let mut body = Vec::with_capacity(4);
        body.write_u16::<LittleEndian>(update)?;
        body.write_u16::<LittleEndian>(freq)?;
        self.send(ADMIN_UPDATE_FREQUENCY, &body)
    }

    pub fn say(&mut self, text: &str) -> io::Result<()> {
        let mut body = vec![NETWORK_ACTION_CHAT, DESTTYPE_BROADCAST];
        body.write_u32::<LittleEndian>(0)?;
        put_str(&mut body, text);
        self.send(ADMIN_CHAT, &body)
    }

    pub fn quit(&mut self) -> io::Result<()> {
        self.send(ADMIN_QUIT, &[])
    }

    pub fn recv(&mut self) -> io::Result<Packet> {
        let len = self.stream.read_u16::<LittleEndian>()? as usize;
        if len < 3 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "short admin packet"));
        }
        let kind = self.stream.read_u8()?;
        let mut body = vec![0; len - 3];
        self.stream.read_exact(&mut body)?;
        Ok(Packet { kind, body })
    }
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    buf.extend_from_slice(s.as_bytes());
    buf.push(0);
}

/// Cursor over a packet body.
pub struct Reader<'a>(pub &'a [u8]);

impl Reader<'_> {
    pub fn u8(&mut self) -> io::Result<u8> {
        self.0.read_u8()
    }
    pub fn u32(&mut self) -> io::Result<u32> {
        self.0.read_u32::<LittleEndian>()
    }
    pub fn i64(&mut self) -> io::Result<i64> {
        self.0.read_i64::<LittleEndian>()
    }
    pub fn string(&mut self) -> io::Result<String> {
        let end = self.0.iter().position(|b| *b == 0).unwrap_or(self.0.len());
        let s = String::from_utf8_lossy(&self.0[..end]).into_owned();
        self.0 = &self.0[(end + 1).min(self.0.len())..];
        Ok(s)
    }
}

pub struct Chat {
    pub action: u8,
    pub client_id: u32,
    pub message: String,
}

impl Chat {
    pub fn parse(body: &[u8]) -> io::Result<Chat> {
        let mut r = Reader(body);
        let action = r.u8()?;
        let _dest_type = r.u8()?;
        let client_id = r.u32()?;
        let message = r.string()?;
        Ok(Chat { action, client_id, message })
    }
}
