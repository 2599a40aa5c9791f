mod db;

use sqlx::PgPool;
use teloxide::prelude::*;
use teloxide::utils::command::BotCommands;

type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

#[derive(BotCommands, Clone)]
#[command(rename_rule = "lowercase", description = "Support bot commands:")]
enum Command {
    #[command(description = "show this text")]
    Help,
    #[command(description = "open a support ticket: /ticket <text>")]
    Ticket(String),
    #[command(description = "list your open tickets")]
    Mine,
}

async fn answer(bot: Bot, msg: Message, cmd: Command, pool: PgPool) -> HandlerResult {
    match cmd {
        Command::Help => {
            bot.send_message(msg.chat.id, Command::descriptions().to_string()).await?;
        }
        Command::Ticket(text) if text.trim().is_empty() => {
            bot.send_message(msg.chat.id, "Usage: /ticket <describe the problem>").await?;
        }
        Command::Ticket(text) => {
            let id = db::open_ticket(&pool, msg.chat.id.0, &text).await?;
            bot.send_message(msg.chat.id, format!("Ticket #{id} opened, we'll get back to you."))
                .await?;
        }
        Command::Mine => {
            let mut conn = pool.acquire().await?;
            let rows: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, left(body, 40) FROM tickets WHERE chat_id = $1 AND closed_at IS NULL ORDER BY id",
            )
            .bind(msg.chat.id.0)
            .fetch_all(&mut *conn)
            .await?;
            let reply = if rows.is_empty() {
                "No open tickets.".to_string()
            } else {
                rows.iter()
                    .map(|(id, body)| format!("#{id}: {body}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            bot.send_message(msg.chat.id, reply).await?;
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() {
    pretty_env_logger::init();
    log::info!("starting support bot");

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL not set");
    let pool = db::make_pool(&database_url).await.expect("cannot reach postgres");

    let bot = Bot::from_env();

    let handler = Update::filter_message().branch(
        dptree::entry()
            .filter_command::<Command>()
            .endpoint(answer),
    );

    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![pool])
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
}
