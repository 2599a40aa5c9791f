use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize)]
pub struct Score {
    pub player: String,
    pub points: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub player: String,
    pub points: u32,
}

enum Job {
    Submit(Score),
    Refresh,
}

/// Network I/O lives on one background thread so the game loop never blocks on HTTP.
pub struct Leaderboard {
    jobs: Sender<Job>,
    top: Receiver<Vec<Entry>>,
}

impl Leaderboard {
    pub fn start(base: String) -> Self {
        let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
        let (top_tx, top_rx) = mpsc::channel::<Vec<Entry>>();
        thread::Builder::new()
            .name("leaderboard".into())
            .spawn(move || {
                let http = reqwest::blocking::Client::builder()
                    .timeout(Duration::from_secs(5))
                    .build()
                    .expect("http client");
                for job in jobs_rx {
                    match job {
                        Job::Submit(score) => {
                            let _ = http.post(format!("{base}/scores")).json(&score).send();
                        }
                        Job::Refresh => {
                            if let Ok(resp) = http.get(format!("{base}/scores/top?limit=5")).send() {
                                if let Ok(entries) = resp.json::<Vec<Entry>>() {
                                    let _ = top_tx.send(entries);
                                }
                            }
                        }
                    }
                }
            })
            .expect("spawn leaderboard thread");
        Self { jobs: jobs_tx, top: top_rx }
    }

    pub fn submit(&self, score: Score) {
        let _ = self.jobs.send(Job::Submit(score));
    }

    pub fn refresh(&self) {
        let _ = self.jobs.send(Job::Refresh);
    }

    /// Non-blocking: newest top list if the worker has delivered one since the last frame.
    pub fn poll_top(&self) -> Option<Vec<Entry>> {
        self.top.try_iter().last()
    }
}
