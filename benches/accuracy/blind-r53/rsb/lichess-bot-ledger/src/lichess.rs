use futures_util::{Stream, StreamExt};
use serde::de::DeserializeOwned;
use serde::Deserialize;

const BASE: &str = "https://lichess.org";

#[derive(Clone)]
pub struct Lichess {
    http: reqwest::Client,
}

#[derive(Deserialize)]
pub struct Account {
    pub id: String,
    pub username: String,
}

#[derive(Deserialize)]
pub struct Player {
    pub id: String,
}

#[derive(Deserialize)]
pub struct Variant {
    pub key: String,
}

#[derive(Deserialize)]
pub struct Challenge {
    pub id: String,
    pub challenger: Player,
    pub variant: Variant,
    pub rated: bool,
}

#[derive(Deserialize)]
pub struct GameRef {
    #[serde(rename = "gameId")]
    pub game_id: String,
    pub color: String,
    #[serde(default)]
    pub opponent: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum BotEvent {
    Challenge { challenge: Challenge },
    GameStart { game: GameRef },
    GameFinish { game: GameRef },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum GameEvent {
    GameFull { state: GameState },
    GameState(GameState),
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Clone)]
pub struct GameState {
    pub moves: String,
    pub status: String,
    #[serde(default)]
    pub winner: Option<String>,
}

impl Lichess {
    pub fn new(token: &str) -> anyhow::Result<Self> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse()?);
        let http = reqwest::Client::builder().default_headers(headers).build()?;
        Ok(Self { http })
    }

    pub async fn account(&self) -> anyhow::Result<Account> {
        Ok(self.http.get(format!("{BASE}/api/account")).send().await?.error_for_status()?.json().await?)
    }

    /// NDJSON stream: one JSON object per line, blank keep-alive lines in between.
    async fn ndjson<T: DeserializeOwned + Send + 'static>(
        &self,
        url: String,
    ) -> anyhow::Result<impl Stream<Item = anyhow::Result<T>>> {
        let resp = self.http.get(url).send().await?.error_for_status()?;
        let mut bytes = resp.bytes_stream();
        Ok(async_stream(move |tx| async move {
            let mut buf = Vec::new();
            while let Some(chunk) = bytes.next().await {
                buf.extend_from_slice(&chunk?);
                while let Some(nl) = buf.iter().position(|b| *b == b'\n') {
                    let line: Vec<u8> = buf.drain(..=nl).collect();
                    if line.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    tx.send(Ok(serde_json::from_slice::<T>(&line)?)).await.ok();
                }
            }
            Ok(())
        }))
    }

    pub async fn stream_events(&self) -> anyhow::Result<impl Stream<Item = anyhow::Result<BotEvent>>> {
        self.ndjson(format!("{BASE}/api/stream/event")).await
    }

    pub async fn stream_game(&self, id: &str) -> anyhow::Result<impl Stream<Item = anyhow::Result<GameEvent>>> {
        self.ndjson(format!("{BASE}/api/bot/game/stream/{id}")).await
    }

    pub async fn accept_challenge(&self, id: &str) -> anyhow::Result<()> {
        self.http.post(format!("{BASE}/api/challenge/{id}/accept")).send().await?.error_for_status()?;
        Ok(())
    }

    pub async fn decline_challenge(&self, id: &str, reason: &str) -> anyhow::Result<()> {
        self.http
            .post(format!("{BASE}/api/challenge/{id}/decline"))
            .form(&[("reason", reason)])
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn make_move(&self, game: &str, uci: &str) -> anyhow::Result<()> {
        self.http.post(format!("{BASE}/api/bot/game/{game}/move/{uci}")).send().await?.error_for_status()?;
        Ok(())
    }
}

/// Tiny channel-backed stream adapter so the NDJSON reader can use `?`.
fn async_stream<T, F, Fut>(f: F) -> impl Stream<Item = anyhow::Result<T>>
where
    T: Send + 'static,
    F: FnOnce(tokio::sync::mpsc::Sender<anyhow::Result<T>>) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let (tx, mut rx) = tokio::sync::mpsc::channel(32);
    let err_tx = tx.clone();
    let fut = f(tx);
    tokio::spawn(async move {
        if let Err(e) = fut.await {
            let _ = err_tx.send(Err(e)).await;
        }
    });
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}
