mod sinks;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ffmpeg_next as ffmpeg;
use ffmpeg::format::Pixel;
use ffmpeg::media::Type;
use ffmpeg::software::scaling::{Context as Scaler, Flags};
use ffmpeg::util::frame::video::Video;

use crate::sinks::{MotionSample, Sinks};

const MOTION_ALERT: f32 = 0.35;

fn frame_delta(prev: &[u8], cur: &[u8]) -> f32 {
    let changed = prev.iter().zip(cur).filter(|(a, b)| a.abs_diff(**b) > 24).count();
    changed as f32 / cur.len().max(1) as f32
}

fn main() -> anyhow::Result<()> {
    ffmpeg::init()?;
    let camera = std::env::var("CAMERA_ID")?;
    let rtsp = std::env::var("RTSP_URL")?;

    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let sinks = Sinks::build()?;

    let mut ictx = ffmpeg::format::input(&rtsp)?;
    let stream = ictx.streams().best(Type::Video).ok_or(ffmpeg::Error::StreamNotFound)?;
    let video_index = stream.index();
    let mut decoder = ffmpeg::codec::context::Context::from_parameters(stream.parameters())?
        .decoder()
        .video()?;
    let mut scaler = Scaler::get(
        decoder.format(),
        decoder.width(),
        decoder.height(),
        Pixel::GRAY8,
        160,
        90,
        Flags::BILINEAR,
    )?;

    let mut previous: Option<Vec<u8>> = None;
    let mut batch: Vec<MotionSample> = Vec::with_capacity(120);
    let mut last_flush = Instant::now();
    let mut last_alert = Instant::now() - Duration::from_secs(600);

    for (packet_stream, packet) in ictx.packets() {
        if packet_stream.index() != video_index {
            continue;
        }
        decoder.send_packet(&packet)?;

        let mut decoded = Video::empty();
        while decoder.receive_frame(&mut decoded).is_ok() {
            let mut gray = Video::empty();
            scaler.run(&decoded, &mut gray)?;
            let pixels = gray.data(0).to_vec();

            if let Some(prev) = &previous {
                let level = frame_delta(prev, &pixels);
                let ts = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as u64;
                batch.push(MotionSample { camera: camera.clone(), ts_ms: ts, level });

                if level > MOTION_ALERT && last_alert.elapsed() > Duration::from_secs(300) {
                    rt.block_on(sinks.alert(&camera, level));
                    last_alert = Instant::now();
                }
            }
            previous = Some(pixels);
        }

        if last_flush.elapsed() >= Duration::from_secs(5) && !batch.is_empty() {
            let rows = std::mem::take(&mut batch);
            if let Err(err) = rt.block_on(sinks.write_samples(&rows)) {
                eprintln!("clickhouse write failed, dropping {} samples: {err}", rows.len());
            }
            last_flush = Instant::now();
        }
    }

    decoder.send_eof()?;
    Ok(())
}
