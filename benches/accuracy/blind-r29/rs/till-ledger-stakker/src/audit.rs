use postgres::{Client, NoTls};
use stakker::*;

/// Audit trail actor. Owns a single connection opened when the actor
/// starts; every `note` reuses it.
pub struct Audit {
    client: Client,
    written: u64,
}

impl Audit {
    pub fn init(cx: CX![], db_url: String) -> Option<Self> {
        match Client::connect(&db_url, NoTls) {
            Ok(client) => Some(Self { client, written: 0 }),
            Err(e) => {
                cx.fail_str("audit: cannot connect at start-up");
                eprintln!("audit: {e}");
                None
            }
        }
    }

    pub fn note(&mut self, _cx: CX![], till: String, text: String) {
        let res = self.client.execute(
            "INSERT INTO audit_trail (till, text, at) VALUES ($1, $2, now())",
            &[&till, &text],
        );
        match res {
            Ok(_) => self.written += 1,
            Err(e) => eprintln!("audit: write failed: {e}"),
        }
    }

    pub fn written(&self) -> u64 {
        self.written
    }
}
