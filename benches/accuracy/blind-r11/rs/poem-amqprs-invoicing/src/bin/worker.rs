//! Consumes `invoice.finalize` messages from RabbitMQ.

use std::time::Duration;

use amqprs::channel::{BasicAckArguments, BasicConsumeArguments, BasicNackArguments, Channel, QueueDeclareArguments};
use amqprs::connection::{Connection, OpenConnectionArguments};
use amqprs::consumer::AsyncConsumer;
use amqprs::{BasicProperties, Deliver};
use async_trait::async_trait;
use deadpool_postgres::Pool;
use serde::Deserialize;

#[derive(Deserialize)]
struct Finalize {
    invoice_id: i64,
}

struct FinalizeConsumer {
    pool: Pool,
}

impl FinalizeConsumer {
    async fn handle(&self, content: &[u8]) -> anyhow::Result<()> {
        let msg: Finalize = serde_json::from_slice(content)?;
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "UPDATE invoices SET total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines WHERE invoice_id = $1) \
             WHERE id = $1",
            &[&msg.invoice_id],
        )
        .await?;
        tx.execute("UPDATE invoices SET state = 'final' WHERE id = $1 AND state = 'open'", &[&msg.invoice_id])
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait]
impl AsyncConsumer for FinalizeConsumer {
    async fn consume(&mut self, channel: &Channel, deliver: Deliver, _props: BasicProperties, content: Vec<u8>) {
        let tag = deliver.delivery_tag();
        let outcome = match self.handle(&content).await {
            Ok(()) => channel.basic_ack(BasicAckArguments::new(tag, false)).await,
            Err(err) => {
                eprintln!("finalize failed: {err:#}");
                channel.basic_nack(BasicNackArguments::new(tag, false, true)).await
            }
        };
        if let Err(err) = outcome {
            eprintln!("ack/nack failed: {err}");
        }
    }
}

async fn open_connection(args: &OpenConnectionArguments) -> anyhow::Result<Connection> {
    let mut attempt = 0u64;
    loop {
        match Connection::open(args).await {
            Ok(conn) => return Ok(conn),
            Err(err) if attempt < 8 => {
                attempt += 1;
                eprintln!("rabbitmq not ready ({err}), retry {attempt}");
                tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = invoicing::db::make_pool(4)?;

    let host = std::env::var("AMQP_HOST").unwrap_or_else(|_| "localhost".to_owned());
    let user = std::env::var("AMQP_USER").unwrap_or_else(|_| "guest".to_owned());
    let pass = std::env::var("AMQP_PASSWORD").unwrap_or_else(|_| "guest".to_owned());
    let connection = open_connection(&OpenConnectionArguments::new(&host, 5672, &user, &pass)).await?;

    let channel = connection.open_channel(None).await?;
    channel
        .queue_declare(QueueDeclareArguments::durable_client_named("invoice.finalize"))
        .await?;
    channel
        .basic_consume(
            FinalizeConsumer { pool },
            BasicConsumeArguments::new("invoice.finalize", "invoicing-worker"),
        )
        .await?;

    tokio::signal::ctrl_c().await?;
    channel.close().await?;
    connection.close().await?;
    Ok(())
}
