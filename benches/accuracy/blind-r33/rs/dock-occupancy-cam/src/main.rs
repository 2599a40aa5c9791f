mod sinks;

use std::time::Instant;

use questdb::ingress::{Buffer, TimestampNanos};
use redis::Commands;
use v4l::buffer::Type;
use v4l::io::mmap::Stream;
use v4l::io::traits::CaptureStream;
use v4l::video::Capture;
use v4l::{Device, FourCC};

const WIDTH: u32 = 640;
const HEIGHT: u32 = 480;
const FLUSH_EVERY_FRAMES: u32 = 150;

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let bay = std::env::var("BAY_ID").unwrap_or_else(|_| "bay-01".into());

    let dev = Device::new(0)?;
    let mut fmt = dev.format()?;
    fmt.width = WIDTH;
    fmt.height = HEIGHT;
    fmt.fourcc = FourCC::new(b"YUYV");
    let fmt = dev.set_format(&fmt)?;
    log::info!("camera format {}x{} {}", fmt.width, fmt.height, fmt.fourcc);

    // Both sinks are opened once, before the frame loop.
    let mut ilp = sinks::questdb_sender()?;
    let mut state = sinks::redis_connection()?;

    let mut stream = Stream::with_buffers(&dev, Type::VideoCapture, 4)?;
    let mut rows = Buffer::new();
    let mut frames = 0u32;
    let mut last_occupied: Option<bool> = None;
    let started = Instant::now();

    loop {
        let (buf, meta) = stream.next()?;
        let luma = mean_luma_yuyv(buf);
        let occupied = luma < 70.0;

        rows.table("dock_frames")?
            .symbol("bay", &bay)?
            .column_f64("luma", luma)?
            .column_bool("occupied", occupied)?
            .column_i64("seq", meta.sequence as i64)?
            .at(TimestampNanos::now())?;
        frames += 1;

        if last_occupied != Some(occupied) {
            let _: () = state.set(format!("dock:{bay}:occupied"), occupied as u8)?;
            log::info!("{bay} occupied={occupied} after {:?}", started.elapsed());
            last_occupied = Some(occupied);
        }

        if frames % FLUSH_EVERY_FRAMES == 0 {
            ilp.flush(&mut rows)?;
        }
    }
}

/// Average of the Y samples in a packed YUYV frame.
fn mean_luma_yuyv(frame: &[u8]) -> f64 {
    let (sum, n) = frame
        .iter()
        .step_by(2)
        .fold((0u64, 0u64), |(s, n), &y| (s + y as u64, n + 1));
    if n == 0 { 0.0 } else { sum as f64 / n as f64 }
}
