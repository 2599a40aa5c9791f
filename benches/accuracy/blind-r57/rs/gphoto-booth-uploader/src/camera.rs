use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use gphoto2::file::CameraFilePath;
use gphoto2::{Camera, Context};

/// Blocks until a camera is attached. Runs at start-up and after the camera
/// disappears; returns as soon as autodetect succeeds.
pub fn attach(context: &Context) -> Camera {
    let mut delay = Duration::from_secs(1);
    loop {
        match context.autodetect_camera().wait() {
            Ok(camera) => {
                if let Ok(summary) = camera.summary() {
                    println!("booth: attached {}", summary.lines().next().unwrap_or("camera"));
                }
                return camera;
            }
            Err(e) => {
                eprintln!("booth: no camera yet ({e}), retrying in {delay:?}");
                sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(15));
            }
        }
    }
}

/// Copies a freshly written frame from the card to the local spool directory.
pub fn download(camera: &Camera, file: &CameraFilePath, spool: &Path) -> anyhow::Result<PathBuf> {
    let name = file.name();
    let dest = spool.join(name.as_ref());
    camera
        .fs()
        .download_to(&file.folder(), &name, &dest)
        .wait()?;
    Ok(dest)
}

pub fn is_jpeg(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()),
        Some(ref ext) if ext == "jpg" || ext == "jpeg"
    )
}
