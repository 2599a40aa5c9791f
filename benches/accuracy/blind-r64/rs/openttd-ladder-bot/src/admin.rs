//! OpenTTD admin network protocol (admin port 3977): u16 LE size (incl. header), u8 type, payload.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const SERVER_WELCOME: u8 = 104;
pub const SERVER_SHUTDOWN: u8 = 106;
pub const SERVER_CLIENT_INFO: u8 = 109;
pub const SERVER_COMPANY_ECONOMY: u8 = 117;
pub const SERVER_CHAT: u8 = 119;
const SUBSCRIPTIONS: [(u16, u16); 3] = [(5, 0x40), (1, 0x40), (3, 0x04)]; // chat, client info: automatic; economy: weekly

pub struct Packet {
    pub kind: u8,
    data: Vec<u8>,
    pos: usize,
}

impl Packet {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        self.pos += N;
        self.data[self.pos - N..self.pos].try_into().unwrap()
    }
    pub fn u8(&mut self) -> u8 { self.take::<1>()[0] }
    pub fn u32(&mut self) -> u32 { u32::from_le_bytes(self.take()) }
    pub fn u64(&mut self) -> u64 { u64::from_le_bytes(self.take()) }
    pub fn str(&mut self) -> String {
        let end = self.data[self.pos..].iter().position(|b| *b == 0).map_or(self.data.len(), |i| self.pos + i);
        let start = std::mem::replace(&mut self.pos, (end + 1).min(self.data.len()));
        String::from_utf8_lossy(&self.data[start..end]).into_owned()
    }
}

pub struct AdminConn(TcpStream);

impl AdminConn {
    /// ADMIN_JOIN (0) with password / bot name / version, wait for SERVER_WELCOME, then ADMIN_UPDATE_FREQUENCY (2).
    pub async fn join(addr: &str, password: &str) -> anyhow::Result<Self> {
        let mut conn = Self(TcpStream::connect(addr).await?);
        let join: Vec<u8> = [password, "ladderbot", env!("CARGO_PKG_VERSION")].iter().flat_map(|s| s.bytes().chain([0])).collect();
        conn.send(0, &join).await?;
        loop {
            let p = conn.next().await?;
            if p.kind == SERVER_WELCOME { break; }
            // 100 FULL, 101 BANNED, 102 ERROR
            anyhow::ensure!(!(100..=102).contains(&p.kind), "admin join refused ({})", p.kind);
        }
        for (update, freq) in SUBSCRIPTIONS {
            conn.send(2, &[update.to_le_bytes(), freq.to_le_bytes()].concat()).await?;
        }
        Ok(conn)
    }

    /// ADMIN_CHAT (4): NETWORK_ACTION_CHAT_CLIENT (5) to DESTTYPE_CLIENT (2).
    pub async fn whisper(&mut self, client_id: u32, text: &str) -> anyhow::Result<()> {
        let payload = [&[5u8, 2u8][..], &client_id.to_le_bytes(), text.as_bytes(), &[0]].concat();
        self.send(4, &payload).await
    }

    async fn send(&mut self, kind: u8, payload: &[u8]) -> anyhow::Result<()> {
        let frame = [&((payload.len() + 3) as u16).to_le_bytes()[..], &[kind], payload].concat();
        Ok(self.0.write_all(&frame).await?)
    }

    pub async fn next(&mut self) -> anyhow::Result<Packet> {
        let size = self.0.read_u16_le().await? as usize;
        let kind = self.0.read_u8().await?;
        let mut data = vec![0u8; size.saturating_sub(3)];
        self.0.read_exact(&mut data).await?;
        Ok(Packet { kind, data, pos: 0 })
    }
}
