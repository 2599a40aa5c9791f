//! Loading-dock camera: grabs MJPEG frames from the USB camera, detects when
//! the dock door area changes (truck arrives/leaves), stores an event in
//! MongoDB and uploads the key frame to the yard-management service.

mod events;
mod motion;
mod upload;

use std::time::{Duration, Instant};

use v4l::buffer::Type;
use v4l::io::mmap::Stream;
use v4l::io::traits::CaptureStream;
use v4l::video::Capture;
use v4l::{Device, FourCC};

use crate::events::EventStore;
use crate::motion::MotionDetector;
use crate::upload::Uploader;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let dock = std::env::var("DOCK_ID").unwrap_or_else(|_| "dock-1".into());
    let store = EventStore::connect_with_retry(&std::env::var("MONGO_URL")?)?;
    let uploader = Uploader::new(std::env::var("YARD_API")?);

    let mut dev = Device::new(0)?;
    let mut fmt = dev.format()?;
    fmt.width = 1280;
    fmt.height = 720;
    fmt.fourcc = FourCC::new(b"MJPG");
    dev.set_format(&fmt)?;

    let mut stream = Stream::with_buffers(&mut dev, Type::VideoCapture, 4)?;
    let mut detector = MotionDetector::new(0.08);
    let mut last_event = Instant::now() - Duration::from_secs(60);

    loop {
        let (frame, meta) = stream.next()?;
        let Some(change) = detector.feed(frame) else { continue };
        if last_event.elapsed() < Duration::from_secs(20) {
            continue;
        }
        last_event = Instant::now();

        let event_id = match store.record(&dock, change.kind, meta.sequence) {
            Ok(id) => id,
            Err(e) => {
                log::error!("could not record dock event: {e}");
                continue;
            }
        };
        if let Err(e) = uploader.key_frame(&dock, &event_id, frame.to_vec()) {
            log::warn!("key frame upload failed for {event_id}: {e}");
        }
    }
}
