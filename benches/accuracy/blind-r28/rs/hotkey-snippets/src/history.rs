use std::thread;
use std::time::Duration;

use mongodb::bson::{doc, DateTime, Document};
use mongodb::sync::{Client, Collection};

/// Team-wide paste history, one client for the whole agent.
pub struct History {
    events: Collection<Document>,
}

impl History {
    /// Laptops come up before VPN does, so wait for the history cluster.
    pub fn connect_with_retry(uri: &str) -> Result<Self, mongodb::error::Error> {
        let mut attempt = 0u32;
        let client = loop {
            attempt += 1;
            let client = Client::with_uri_str(uri)?;
            match client.database("admin").run_command(doc! { "ping": 1 }).run() {
                Ok(_) => break client,
                Err(err) if attempt < 10 => {
                    eprintln!("history cluster not reachable yet (attempt {}): {}", attempt, err);
                    client.shutdown().immediate(true).run();
                    thread::sleep(Duration::from_secs(3 * attempt as u64));
                }
                Err(err) => return Err(err),
            }
        };
        Ok(Self {
            events: client.database("snippets").collection("history"),
        })
    }

    pub fn record(&self, workspace: &str, user: &str, link: &str, bytes: usize) -> Result<(), mongodb::error::Error> {
        self.events
            .insert_one(doc! {
                "workspace": workspace,
                "user": user,
                "link": link,
                "bytes": bytes as i64,
                "at": DateTime::now(),
            })
            .run()?;
        Ok(())
    }
}
