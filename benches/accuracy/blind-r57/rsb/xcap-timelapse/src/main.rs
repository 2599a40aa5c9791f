//! studio-timelapse: runs on the display-wall PC as a login item.
//! Every 60 s (07:00-20:00) it grabs each monitor and uploads the frames.
//! `studio-timelapse --once` takes a single frame set and exits (used to
//! check the AWS profile after re-imaging the machine).
mod capture;
mod uploader;

use std::env;
use std::time::Duration;

use anyhow::Result;
use chrono::{Local, Timelike};

use uploader::Uploader;

async fn capture_and_upload(up: &Uploader) -> Result<usize> {
    let at = Local::now();
    let frames = tokio::task::spawn_blocking(capture::capture_all).await??;
    let n = frames.len();
    for frame in frames {
        up.put(at, frame).await?;
    }
    Ok(n)
}

#[tokio::main]
async fn main() -> Result<()> {
    let once = env::args().any(|a| a == "--once");
    let bucket = env::var("TIMELAPSE_BUCKET").unwrap_or_else(|_| "studio-timelapse-frames".into());
    let host = env::var("COMPUTERNAME").or_else(|_| env::var("HOSTNAME")).unwrap_or_else(|_| "studio".into());

    let config = aws_config::load_from_env().await;
    let uploader = Uploader::new(&config, bucket, host);

    if once {
        let n = capture_and_upload(&uploader).await?;
        println!("uploaded {n} frame(s)");
        return Ok(());
    }

    let mut every = tokio::time::interval(Duration::from_secs(60));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = every.tick() => {
                if !capture::within_hours(Local::now().hour()) {
                    continue;
                }
                match capture_and_upload(&uploader).await {
                    Ok(n) => println!("{} uploaded {n} frame(s)", Local::now().format("%H:%M")),
                    Err(err) => eprintln!("frame set failed: {err:#}"),
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
