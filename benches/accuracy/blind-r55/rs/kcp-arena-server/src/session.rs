use anyhow::{bail, Context as _};
use redis::AsyncCommands;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio_kcp::KcpStream;

use crate::protocol::{self, ClientFrame, ServerFrame, MAX_CHAT_LEN};

/// State for one connected player; lives as long as the KCP session.
pub struct PlayerSession {
    player_id: i64,
    db: PoolConnection<Postgres>,
    chat: redis::aio::MultiplexedConnection,
}

impl PlayerSession {
    pub async fn open(pool: &PgPool, redis_url: &str, player_id: i64) -> anyhow::Result<Self> {
        let db = pool.acquire().await.context("acquire db connection")?;
        let client = redis::Client::open(redis_url).context("redis url")?;
        let chat = client
            .get_multiplexed_async_connection()
            .await
            .context("redis connect")?;
        Ok(PlayerSession { player_id, db, chat })
    }

    async fn best_score(&mut self) -> anyhow::Result<i32> {
        let best: Option<i32> =
            sqlx::query_scalar("SELECT max(points) FROM round_scores WHERE player_id = $1")
                .bind(self.player_id)
                .fetch_one(&mut *self.db)
                .await?;
        Ok(best.unwrap_or(0))
    }

    async fn handle(&mut self, frame: ClientFrame) -> anyhow::Result<Option<ServerFrame>> {
        match frame {
            ClientFrame::Move { .. } => Ok(None),
            ClientFrame::Score { round, points } => {
                sqlx::query(
                    "INSERT INTO round_scores (player_id, round, points) VALUES ($1, $2, $3) \
                     ON CONFLICT (player_id, round) DO UPDATE SET points = EXCLUDED.points",
                )
                .bind(self.player_id)
                .bind(round)
                .bind(points)
                .execute(&mut *self.db)
                .await?;
                Ok(Some(ServerFrame::Ack))
            }
            ClientFrame::Chat { room, text } => {
                let text: String = text.chars().take(MAX_CHAT_LEN).collect();
                let payload = serde_json::json!({ "from": self.player_id, "text": text });
                let _: () = self.chat.publish(format!("chat:{room}"), payload.to_string()).await?;
                Ok(Some(ServerFrame::Ack))
            }
            ClientFrame::Hello { .. } => Ok(Some(ServerFrame::Error { reason: "already greeted".into() })),
            ClientFrame::Bye => Ok(None),
        }
    }
}

/// Runs one player connection until the client says bye or the session expires.
pub async fn run(stream: KcpStream, pool: PgPool, redis_url: String) -> anyhow::Result<()> {
    let (read, mut write) = tokio::io::split(stream);
    let mut lines = BufReader::new(read).lines();

    let first = lines.next_line().await?.context("client closed before hello")?;
    let ClientFrame::Hello { player_id, token } = protocol::parse(&first)? else {
        bail!("first frame must be hello");
    };
    if token.is_empty() {
        write.write_all(&ServerFrame::Error { reason: "no token".into() }.to_line()).await?;
        return Ok(());
    }

    let mut session = PlayerSession::open(&pool, &redis_url, player_id).await?;
    let best = session.best_score().await?;
    write.write_all(&ServerFrame::Welcome { player_id, best }.to_line()).await?;

    while let Some(line) = lines.next_line().await? {
        let frame = match protocol::parse(&line) {
            Ok(f) => f,
            Err(e) => {
                write.write_all(&ServerFrame::Error { reason: e.to_string() }.to_line()).await?;
                continue;
            }
        };
        if matches!(frame, ClientFrame::Bye) {
            break;
        }
        if let Some(reply) = session.handle(frame).await? {
            write.write_all(&reply.to_line()).await?;
        }
    }
    Ok(())
}
