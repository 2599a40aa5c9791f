//! polybar runs this once when the bar starts (`tail = true`) and shows every line
//! we print. The loop below refreshes the text every `interval_secs` for as long as
//! the bar is up. `--toggle` is the click handler: a separate short-lived process
//! that flips the compact/verbose flag and exits.

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;
use std::thread;
use std::time::Duration;

use serde::Deserialize;

mod sources;

#[derive(Deserialize, Clone)]
pub struct Config {
    pub redis_url: String,
    pub queues: Vec<String>,
    pub ci_api: String,
    pub ci_token: String,
    #[serde(default = "default_interval")]
    pub interval_secs: u64,
}

fn default_interval() -> u64 {
    20
}

fn config_dir() -> PathBuf {
    dirs::config_dir().unwrap_or_else(|| PathBuf::from(".")).join("polybar-queue")
}

fn verbose_flag() -> PathBuf {
    config_dir().join("verbose")
}

fn toggle() -> io::Result<()> {
    let flag = verbose_flag();
    if flag.exists() {
        fs::remove_file(flag)
    } else {
        fs::create_dir_all(config_dir())?;
        fs::write(flag, b"1")
    }
}

fn main() {
    if std::env::args().any(|a| a == "--toggle") {
        if let Err(e) = toggle() {
            eprintln!("toggle: {e}");
        }
        return;
    }

    let raw = fs::read_to_string(config_dir().join("config.toml")).expect("config.toml");
    let cfg: Config = toml::from_str(&raw).expect("valid config.toml");
    let stdout = io::stdout();

    loop {
        let verbose = verbose_flag().exists();
        let line = match sources::snapshot(&cfg) {
            Ok(snap) => snap.render(verbose),
            Err(e) => {
                eprintln!("refresh failed: {e}");
                "%{F#f38ba8}queue ?%{F-}".to_string()
            }
        };

        let mut out = stdout.lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
        drop(out);

        thread::sleep(Duration::from_secs(cfg.interval_secs));
    }
}
