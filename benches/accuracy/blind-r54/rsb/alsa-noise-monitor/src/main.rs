mod capture;
mod sink;

use anyhow::Result;

use crate::capture::Detector;
use crate::sink::Sink;

const RATE: u32 = 16_000;
const PERIOD_MS: u32 = 100;

fn main() -> Result<()> {
    env_logger::init();
    let device = std::env::var("NOISE_DEVICE").unwrap_or_else(|_| "plughw:1,0".to_string());
    let room = std::env::var("NOISE_ROOM").unwrap_or_else(|_| "hall-b".to_string());
    let threshold: f32 = std::env::var("NOISE_THRESHOLD_DBFS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(-20.0);
    let db_url = std::env::var("NOISE_DATABASE_URL")?;
    let redis_url = std::env::var("NOISE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string());

    let mut sink = Sink::connect_with_retry(&db_url, &redis_url, &room)?;

    let pcm = capture::open(&device, RATE)?;
    let io = pcm.io_i16()?;
    let mut buf = vec![0i16; (RATE * PERIOD_MS / 1000) as usize];
    let mut detector = Detector::default();
    log::info!("listening on {} for room {}", device, room);

    loop {
        let frames = match io.readi(&mut buf) {
            Ok(frames) => frames,
            Err(e) => {
                // Overruns happen when the SD card stalls; recover and carry on.
                pcm.try_recover(e, true)?;
                continue;
            }
        };
        let level = capture::dbfs(&buf[..frames]);
        if let Some(episode) = detector.feed(level, threshold, 5) {
            log::info!("loud episode: {} periods, peak {:.1} dBFS", episode.periods, episode.peak_dbfs);
            if let Err(e) = sink.record(&episode, PERIOD_MS) {
                log::error!("could not record episode: {:#}", e);
            }
        }
    }
}
