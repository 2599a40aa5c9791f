//! `oncall-prompt` — a Starship custom module.
//!
//! ~/.config/starship.toml:
//!
//! ```toml
//! [custom.oncall]
//! command = "oncall-prompt"
//! when = "test -n \"$PD_SCHEDULE\""
//! format = "[$output]($style) "
//! style = "bold red"
//! shell = ["sh"]
//! ```
//!
//! Starship spawns this binary once per prompt it renders; the process prints
//! one short string and exits. A shared Redis key keeps PagerDuty traffic to
//! one lookup per minute for the whole team.
mod cache;
mod pagerduty;

use std::env;
use std::process::ExitCode;
use std::time::Duration;

const CACHE_TTL_SECS: u64 = 60;

fn render(name: &str, me: &str) -> String {
    if name.eq_ignore_ascii_case(me) {
        "📟 you are on call".to_string()
    } else {
        format!("📟 {name}")
    }
}

fn run() -> anyhow::Result<String> {
    let schedule = env::var("PD_SCHEDULE")?;
    let me = env::var("PD_ME").unwrap_or_default();
    let key = format!("oncall:{schedule}");

    // One Redis connection for this invocation.
    let mut redis = cache::open()?;
    if let Some(name) = cache::get(&mut redis, &key) {
        return Ok(render(&name, &me));
    }

    // Cache miss: one PagerDuty client for this invocation.
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .build()?;
    let name = pagerduty::current_oncall(&http, &schedule)?;
    cache::put(&mut redis, &key, &name, CACHE_TTL_SECS);
    drop(redis);
    Ok(render(&name, &me))
}

fn main() -> ExitCode {
    match run() {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        // Never break the prompt: print nothing and let starship hide the module.
        Err(_) => ExitCode::FAILURE,
    }
}
