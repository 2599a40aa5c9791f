//! FIX 4.4 acceptor. Each counterparty keeps one long-lived TCP session
//! open all trading day; every NewOrderSingle (35=D) on it is answered with
//! an ExecutionReport (35=8).

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::db::PgPool;
use crate::fix::Message;

mod db;
mod fix;
mod orders;
mod risk;

#[derive(Default)]
pub struct Session {
    pub their_comp_id: String,
    pub account: Option<String>,
    pub out_seq: u64,
}

impl Session {
    pub fn reply(&mut self, msg_type: &str, body: &[(u32, String)]) -> Vec<u8> {
        self.out_seq += 1;
        fix::encode(msg_type, "EXAMPLEGW", &self.their_comp_id, self.out_seq, body)
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::session_pool(&std::env::var("GATEWAY_DATABASE_URL")?).await?;
    let listener = TcpListener::bind("0.0.0.0:9878").await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        let pool = pool.clone();
        tokio::spawn(async move {
            if let Err(e) = run_session(stream, pool).await {
                tracing::warn!(%peer, error = %e, "FIX session ended");
            }
        });
    }
}

async fn run_session(mut stream: TcpStream, pool: PgPool) -> anyhow::Result<()> {
    let mut session = Session::default();
    let mut inbuf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        inbuf.extend_from_slice(&chunk[..n]);

        while let Some(raw) = fix::take_message(&mut inbuf) {
            let msg = Message::parse(&raw)?;
            let reply = match msg.get(35).unwrap_or("") {
                "A" => Some(logon(&pool, &mut session, &msg).await?),
                "1" => Some(session.reply("0", &[(112, msg.get(112).unwrap_or("").to_string())])),
                "0" => None,
                "5" => {
                    stream.write_all(&session.reply("5", &[])).await?;
                    return Ok(());
                }
                "D" if session.account.is_some() => Some(orders::handle_new_order(&mut session, &msg).await?),
                other => Some(session.reply("3", &[(58, format!("unsupported MsgType {other}"))])),
            };
            if let Some(bytes) = reply {
                stream.write_all(&bytes).await?;
            }
        }
    }
}

async fn logon(pool: &PgPool, session: &mut Session, msg: &Message) -> anyhow::Result<Vec<u8>> {
    session.their_comp_id = msg.get(49).unwrap_or_default().to_string();
    let conn = pool.get().await?;
    let row = conn
        .query_opt(
            "SELECT account FROM fix_counterparties WHERE sender_comp_id = $1 AND enabled",
            &[&session.their_comp_id],
        )
        .await?;
    match row {
        Some(row) => {
            session.account = Some(row.get(0));
            let hb = msg.get(108).unwrap_or("30").to_string();
            Ok(session.reply("A", &[(98, "0".into()), (108, hb)]))
        }
        None => Ok(session.reply("5", &[(58, "unknown counterparty".into())])),
    }
}
