mod commands;
mod db;

use std::env;

use reedline::{DefaultPrompt, DefaultPromptSegment, FileBackedHistory, Reedline, Signal};
use tokio::runtime::Runtime;

pub struct Ctx {
    pub pool: sqlx::PgPool,
    pub s3: aws_sdk_s3::Client,
    pub export_bucket: String,
    pub operator: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rt = Runtime::new()?;

    // everything with a socket is created here, once, before the prompt appears
    let ctx = rt.block_on(async {
        let pool = db::make_pool(&env::var("BILLING_DATABASE_URL")?).await?;
        let aws = aws_config::load_from_env().await;
        Ok::<_, Box<dyn std::error::Error>>(Ctx {
            pool,
            s3: aws_sdk_s3::Client::new(&aws),
            export_bucket: env::var("EXPORT_BUCKET").unwrap_or_else(|_| "billing-exports".to_string()),
            operator: env::var("USER").unwrap_or_else(|_| "unknown".to_string()),
        })
    })?;

    if !rt.block_on(db::is_primary(&ctx.pool)) {
        eprintln!("warning: connected to a read replica, refunds will fail");
    }

    let history = Box::new(FileBackedHistory::with_file(1000, "billing-console.history".into())?);
    let mut line_editor = Reedline::create().with_history(history);
    let prompt = DefaultPrompt::new(
        DefaultPromptSegment::Basic("billing".to_string()),
        DefaultPromptSegment::CurrentDateTime,
    );

    println!("billing console — type `help` for commands");
    loop {
        match line_editor.read_line(&prompt)? {
            Signal::Success(line) => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                if line == "quit" || line == "exit" {
                    break;
                }
                match rt.block_on(commands::dispatch(&ctx, line)) {
                    Ok(output) => println!("{}", output),
                    Err(err) => eprintln!("error: {}", err),
                }
            }
            Signal::CtrlD => break,
            Signal::CtrlC => continue,
        }
    }

    rt.block_on(ctx.pool.close());
    Ok(())
}
