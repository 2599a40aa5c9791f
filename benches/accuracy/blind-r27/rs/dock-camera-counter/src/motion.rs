//! Frame-differencing motion detector with a simple hysteresis so one forklift
//! passing through the door counts once.

use opencv::core::{self, Mat, Size};
use opencv::imgproc;
use opencv::prelude::*;

pub struct Detector {
    previous: Option<Mat>,
    in_motion: bool,
    /// Fraction of changed pixels that counts as movement.
    threshold: f64,
}

impl Detector {
    pub fn new(threshold: f64) -> Self {
        Self { previous: None, in_motion: false, threshold }
    }

    /// Returns true on the frame where a new movement begins.
    pub fn movement_started(&mut self, frame: &Mat) -> opencv::Result<bool> {
        let mut gray = Mat::default();
        imgproc::cvt_color(frame, &mut gray, imgproc::COLOR_BGR2GRAY, 0)?;
        let mut blurred = Mat::default();
        imgproc::gaussian_blur(&gray, &mut blurred, Size::new(21, 21), 0.0, 0.0, core::BORDER_DEFAULT)?;

        let Some(prev) = self.previous.replace(blurred.try_clone()?) else {
            return Ok(false);
        };

        let mut diff = Mat::default();
        core::absdiff(&blurred, &prev, &mut diff)?;
        let mut mask = Mat::default();
        imgproc::threshold(&diff, &mut mask, 25.0, 255.0, imgproc::THRESH_BINARY)?;

        let changed = core::count_non_zero(&mask)? as f64;
        let total = (mask.rows() * mask.cols()).max(1) as f64;
        let moving = changed / total > self.threshold;

        let started = moving && !self.in_motion;
        self.in_motion = moving;
        Ok(started)
    }
}
