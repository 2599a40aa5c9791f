//! dock-camera-counter
//!
//! Reads the dock door camera frame by frame (about 15 fps, forever), detects
//! motion through the door band and counts movements. Counters go to Redis on
//! every movement; a per-minute summary goes to the warehouse API.

use std::time::{Duration, Instant};

use opencv::prelude::*;
use opencv::{core::Mat, videoio};

mod motion;
mod sinks;

fn open_camera(url: &str) -> anyhow::Result<videoio::VideoCapture> {
    let cam = videoio::VideoCapture::from_file(url, videoio::CAP_FFMPEG)?;
    if !cam.is_opened()? {
        anyhow::bail!("could not open {url}");
    }
    Ok(cam)
}

fn main() -> anyhow::Result<()> {
    let dock = std::env::var("DOCK_ID").unwrap_or_else(|_| "dock-3".into());
    let rtsp = std::env::var("CAMERA_URL").unwrap_or_else(|_| "rtsp://cam-dock-3.local/stream1".into());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let mut counters = sinks::connect_counters(&redis_url)?;
    let mut cam = open_camera(&rtsp)?;
    let mut detector = motion::Detector::new(0.04);

    let mut frame = Mat::default();
    let mut minute_start = Instant::now();
    let mut this_minute = 0u32;

    loop {
        if !cam.read(&mut frame)? || frame.empty() {
            eprintln!("camera stream stalled, reopening");
            std::thread::sleep(Duration::from_secs(2));
            cam = open_camera(&rtsp)?;
            continue;
        }

        if detector.movement_started(&frame)? {
            this_minute += 1;
            if let Err(e) = sinks::bump(&mut counters, &dock) {
                eprintln!("counter update failed: {e}");
            }
        }

        if minute_start.elapsed() >= Duration::from_secs(60) {
            if let Err(e) = sinks::post_summary(&dock, this_minute) {
                eprintln!("summary not delivered: {e:#}");
            }
            this_minute = 0;
            minute_start = Instant::now();
        }
    }
}
