mod billing;
mod schema;

use amiquip::{Connection, ConsumerMessage, ConsumerOptions, QueueDeclareOptions, Result};

fn main() -> Result<()> {
    env_logger::init();

    let amqp_url = std::env::var("AMQP_URL")
        .unwrap_or_else(|_| "amqp://guest:guest@localhost:5672".to_owned());
    let mut connection = Connection::insecure_open(&amqp_url)?;
    let channel = connection.open_channel(None)?;
    channel.qos(0, 16, false)?;

    let queue = channel.queue_declare(
        "billing.issue_invoice",
        QueueDeclareOptions {
            durable: true,
            ..QueueDeclareOptions::default()
        },
    )?;
    let consumer = queue.consume(ConsumerOptions::default())?;
    log::info!("invoicer waiting for jobs");

    for message in consumer.receiver().iter() {
        match message {
            ConsumerMessage::Delivery(delivery) => match billing::issue_invoice(&delivery.body) {
                Ok(invoice_id) => {
                    log::info!("issued invoice {invoice_id}");
                    consumer.ack(delivery)?;
                }
                Err(err) => {
                    log::error!("invoice job failed: {err:#}");
                    consumer.nack(delivery, false)?;
                }
            },
            other => {
                log::warn!("consumer ended: {other:?}");
                break;
            }
        }
    }

    connection.close()
}
