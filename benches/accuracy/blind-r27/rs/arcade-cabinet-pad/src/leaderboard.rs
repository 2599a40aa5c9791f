//! Chain-wide leaderboard API. `connect` builds the one HTTP agent for the
//! process; it is called once from main, before the input loop starts.

use std::time::Duration;

use ureq::Agent;

pub struct Leaderboard {
    agent: Agent,
    base: String,
    cabinet_id: String,
}

pub fn connect(cabinet_id: &str) -> anyhow::Result<Leaderboard> {
    let base = std::env::var("LEADERBOARD_URL")
        .unwrap_or_else(|_| "https://scores.example-bars.com/api".into());
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(3))
        .timeout_read(Duration::from_secs(5))
        .build();

    // The cabinet often boots before the bar's router has a WAN link: wait for it.
    let mut attempt = 0;
    loop {
        attempt += 1;
        match agent.get(&format!("{base}/health")).call() {
            Ok(_) => break,
            Err(e) if attempt < 20 => {
                eprintln!("leaderboard not reachable yet ({e}), retrying");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(e) => {
                eprintln!("leaderboard unreachable, continuing offline: {e}");
                break;
            }
        }
    }

    Ok(Leaderboard { agent, base, cabinet_id: cabinet_id.to_string() })
}

impl Leaderboard {
    pub fn submit(&self, initials: &str, score: u32) -> Result<(), ureq::Error> {
        self.agent
            .post(&format!("{}/scores", self.base))
            .send_json(ureq::json!({
                "cabinet": self.cabinet_id,
                "initials": initials,
                "score": score,
            }))?;
        Ok(())
    }
}
