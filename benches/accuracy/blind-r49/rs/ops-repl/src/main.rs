mod customers;
mod orders;

use std::env;

use anyhow::{anyhow, Result};
use futures::TryStreamExt;
use mongodb::bson::doc;
use mongodb::Client as MongoClient;
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

use customers::Customers;
use orders::Orders;

async fn support_notes(customer_id: i64) -> Result<()> {
    let uri = env::var("MONGO_URI")?;
    let mongo = MongoClient::with_uri_str(&uri).await?;
    let notes = mongo
        .database("support")
        .collection::<mongodb::bson::Document>("notes");
    let mut cursor = notes.find(doc! { "customer_id": customer_id }).await?;
    while let Some(note) = cursor.try_next().await? {
        println!("- {}", note.get_str("body").unwrap_or("<empty>"));
    }
    Ok(())
}

async fn dispatch(line: &str, orders: &Orders, customers: &Customers) -> Result<()> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["order", id] => orders.show(id.parse()?).await,
        ["cancel", id] => orders.cancel(id.parse()?).await,
        ["customer", email] => customers.find(email).await,
        ["notes", id] => support_notes(id.parse()?).await,
        [] => Ok(()),
        _ => Err(anyhow!("unknown command: {line}")),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let url = env::var("DATABASE_URL")?;
    let orders = Orders::connect(&url).await?;
    let customers = Customers::connect(&url).await?;

    let mut rl = DefaultEditor::new()?;
    loop {
        match rl.readline("ops> ") {
            Ok(line) => {
                let _ = rl.add_history_entry(line.as_str());
                if line.trim() == "quit" {
                    break;
                }
                if let Err(e) = dispatch(line.trim(), &orders, &customers).await {
                    eprintln!("error: {e:#}");
                }
            }
            Err(ReadlineError::Interrupted) | Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
