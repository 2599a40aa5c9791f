use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{SinkExt, StreamExt};
use mumble_protocol::control::{msgs, ClientControlCodec, ControlPacket};
use tokio::net::TcpStream;
use tokio_util::codec::Decoder;

mod commands;
mod quotes;
mod stats;

pub struct Context {
    pub quotes: quotes::QuoteBook,
    pub stats: stats::Stats,
    pub dictionary_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let host = std::env::var("MUMBLE_HOST").unwrap_or_else(|_| "voice.emberguild.example".into());
    let port: u16 = std::env::var("MUMBLE_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(64738);
    let mongo_uri = std::env::var("MONGO_URI")?;

    let ctx = Context {
        quotes: quotes::QuoteBook::connect(&mongo_uri).await?,
        stats: stats::Stats::connect(&mongo_uri).await?,
        dictionary_url: std::env::var("DICT_URL")
            .unwrap_or_else(|_| "https://api.dictionaryapi.dev/api/v2/entries/en".into()),
    };

    let tcp = TcpStream::connect((host.as_str(), port)).await?;
    let connector: tokio_native_tls::TlsConnector = native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(true) // guild server uses a self-signed cert
        .build()?
        .into();
    let tls = connector.connect(&host, tcp).await?;
    let (mut sink, mut stream) = ClientControlCodec::new().framed(tls).split();

    let mut version = msgs::Version::new();
    version.set_version(1 << 16 | 4 << 8);
    version.set_release("quotebot".into());
    sink.send(version.into()).await?;

    let mut auth = msgs::Authenticate::new();
    auth.set_username("QuoteBot".into());
    auth.set_opus(true);
    sink.send(auth.into()).await?;

    let mut names: HashMap<u32, String> = HashMap::new();
    let mut ping_every = tokio::time::interval(Duration::from_secs(15));

    loop {
        tokio::select! {
            _ = ping_every.tick() => {
                let mut ping = msgs::Ping::new();
                ping.set_timestamp(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs());
                sink.send(ping.into()).await?;
            }
            packet = stream.next() => {
                let Some(packet) = packet else { break };
                match packet? {
                    ControlPacket::ServerSync(sync) => {
                        log::info!("connected, session {}", sync.get_session());
                    }
                    ControlPacket::UserState(state) => {
                        if state.has_name() {
                            names.insert(state.get_session(), state.get_name().to_string());
                        }
                    }
                    ControlPacket::UserRemove(gone) => {
                        names.remove(&gone.get_session());
                    }
                    ControlPacket::TextMessage(msg) => {
                        let author = names
                            .get(&msg.get_actor())
                            .cloned()
                            .unwrap_or_else(|| format!("user#{}", msg.get_actor()));
                        let channel = msg.get_channel_id().first().copied();
                        if let Some(reply) = commands::dispatch(&ctx, &author, msg.get_message()).await {
                            let mut out = msgs::TextMessage::new();
                            match channel {
                                Some(ch) => out.mut_channel_id().push(ch),
                                None => out.mut_session().push(msg.get_actor()),
                            }
                            out.set_message(reply);
                            sink.send(out.into()).await?;
                        }
                    }
                    ControlPacket::Reject(rej) => {
                        anyhow::bail!("server rejected us: {}", rej.get_reason());
                    }
                    _ => {}
                }
            }
        }
    }

    Ok(())
}
