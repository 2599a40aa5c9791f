use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
pub struct MatchResult {
    pub map: String,
    pub duration_secs: u32,
    pub kills: u32,
    pub deaths: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LeaderboardEntry {
    pub player: String,
    pub rating: i32,
}

#[derive(Debug)]
enum Job {
    Submit(MatchResult),
    FetchLeaderboard,
}

/// Owns the one HTTP client of the game. Created once in `Game::init`; the frame
/// loop only pushes jobs onto a channel and polls for finished leaderboard fetches.
#[derive(Debug)]
pub struct StatsUploader {
    jobs: Sender<Job>,
    boards: Mutex<Receiver<Vec<LeaderboardEntry>>>,
}

impl StatsUploader {
    pub fn start(api_base: String) -> Self {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (board_tx, board_rx) = mpsc::channel();

        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client");

        thread::Builder::new()
            .name("stats-uploader".into())
            .spawn(move || {
                for job in job_rx {
                    match job {
                        Job::Submit(result) => {
                            let res = client.post(format!("{api_base}/v1/matches")).json(&result).send();
                            if let Err(e) = res {
                                fyrox::core::log::Log::warn(format!("match upload failed: {e}"));
                            }
                        }
                        Job::FetchLeaderboard => {
                            let board = client
                                .get(format!("{api_base}/v1/leaderboard?limit=10"))
                                .send()
                                .and_then(|r| r.json::<Vec<LeaderboardEntry>>());
                            match board {
                                Ok(board) => {
                                    let _ = board_tx.send(board);
                                }
                                Err(e) => fyrox::core::log::Log::warn(format!("leaderboard fetch failed: {e}")),
                            }
                        }
                    }
                }
            })
            .expect("spawn stats thread");

        Self {
            jobs: job_tx,
            boards: Mutex::new(board_rx),
        }
    }

    pub fn submit(&self, result: MatchResult) {
        let _ = self.jobs.send(Job::Submit(result));
    }

    pub fn request_leaderboard(&self) {
        let _ = self.jobs.send(Job::FetchLeaderboard);
    }

    pub fn poll_leaderboard(&self) -> Option<Vec<LeaderboardEntry>> {
        match self.boards.lock().ok()?.try_recv() {
            Ok(board) => Some(board),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }
}
