use carapax::api::{Client, ExecuteError};
use carapax::types::{ChatPeerId, Command, SendMessage, UserPeerId};
use carapax::Ref;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(transparent)]
    Telegram(#[from] ExecuteError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Redis(#[from] redis::RedisError),
    #[error(transparent)]
    Http(#[from] reqwest::Error),
}

async fn reply(client: &Client, chat_id: ChatPeerId, text: String) -> Result<(), BotError> {
    client.execute(SendMessage::new(chat_id, text)).await?;
    Ok(())
}

/// /spend 12.50 groceries
pub async fn spend(
    client: Ref<Client>,
    pool: Ref<PgPool>,
    chat_id: ChatPeerId,
    user_id: UserPeerId,
    command: Command,
) -> Result<(), BotError> {
    let args = command.get_args();
    let (Some(amount), Some(category)) = (args.first(), args.get(1)) else {
        return reply(&client, chat_id, "usage: /spend <amount> <category>".into()).await;
    };
    let Ok(amount) = amount.parse::<Decimal>() else {
        return reply(&client, chat_id, format!("'{amount}' is not an amount")).await;
    };

    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO expenses (chat_id, user_id, amount, category) VALUES ($1, $2, $3, $4)")
        .bind(i64::from(chat_id))
        .bind(i64::from(user_id))
        .bind(amount)
        .bind(category)
        .execute(&mut *tx)
        .await?;
    let (month_total,): (Decimal,) = sqlx::query_as(
        "SELECT COALESCE(SUM(amount), 0) FROM expenses WHERE chat_id = $1 AND category = $2 \
         AND created_at >= date_trunc('month', now())",
    )
    .bind(i64::from(chat_id))
    .bind(category)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;

    reply(&client, chat_id, format!("Saved. {category} this month: {month_total}")).await
}

/// /month
pub async fn month(
    client: Ref<Client>,
    pool: Ref<PgPool>,
    chat_id: ChatPeerId,
) -> Result<(), BotError> {
    let rows: Vec<(String, Decimal)> = sqlx::query_as(
        "SELECT category, SUM(amount) FROM expenses WHERE chat_id = $1 \
         AND created_at >= date_trunc('month', now()) GROUP BY category ORDER BY 2 DESC",
    )
    .bind(i64::from(chat_id))
    .fetch_all(&*pool)
    .await?;
    let text = rows
        .iter()
        .map(|(c, s)| format!("{c}: {s}"))
        .collect::<Vec<_>>()
        .join("\n");
    reply(&client, chat_id, if text.is_empty() { "Nothing yet this month".into() } else { text }).await
}

#[derive(Deserialize)]
struct RateResponse {
    rate: Decimal,
}

/// /rate USD — EUR conversion rate, cached in Redis for an hour
pub async fn rate(
    client: Ref<Client>,
    http: Ref<reqwest::Client>,
    redis: Ref<ConnectionManager>,
    chat_id: ChatPeerId,
    command: Command,
) -> Result<(), BotError> {
    let currency = command.get_args().first().cloned().unwrap_or_else(|| "USD".into()).to_uppercase();
    let key = format!("fx:{currency}:EUR");
    let mut redis = (*redis).clone();

    let cached: Option<String> = redis.get(&key).await?;
    let rate = match cached.and_then(|v| v.parse::<Decimal>().ok()) {
        Some(r) => r,
        None => {
            let resp: RateResponse = http
                .get(format!("https://fx.example.org/latest?from={currency}&to=EUR"))
                .send()
                .await?
                .json()
                .await?;
            let _: () = redis.set_ex(&key, resp.rate.to_string(), 3600).await?;
            resp.rate
        }
    };
    reply(&client, chat_id, format!("1 {currency} = {rate} EUR")).await
}
