use std::sync::Mutex;

use anyhow::{anyhow, Result};
use gstreamer as gst;
use gstreamer_app as gst_app;
use gst::prelude::*;

use crate::motion::CameraCtx;

/// Builds a decode pipeline that hands small grayscale frames to an appsink.
/// The appsink `new_sample` callback fires once per decoded frame (~15 fps per camera).
pub fn build(uri: &str, ctx: CameraCtx) -> Result<gst::Pipeline> {
    let desc = format!(
        "uridecodebin uri={uri} ! videoconvert ! videoscale ! videorate ! \
         video/x-raw,format=GRAY8,width=320,height=180,framerate=15/1 ! \
         appsink name=sink max-buffers=2 drop=true sync=false"
    );
    let pipeline = gst::parse::launch(&desc)?
        .downcast::<gst::Pipeline>()
        .map_err(|_| anyhow!("launch line did not produce a pipeline"))?;

    let sink = pipeline
        .by_name("sink")
        .ok_or_else(|| anyhow!("appsink missing"))?
        .downcast::<gst_app::AppSink>()
        .map_err(|_| anyhow!("sink is not an appsink"))?;

    let ctx = Mutex::new(ctx);
    sink.set_callbacks(
        gst_app::AppSinkCallbacks::builder()
            .new_sample(move |appsink| {
                let sample = appsink.pull_sample().map_err(|_| gst::FlowError::Eos)?;
                let buffer = sample.buffer().ok_or(gst::FlowError::Error)?;
                let map = buffer.map_readable().map_err(|_| gst::FlowError::Error)?;

                let mut ctx = ctx.lock().unwrap();
                if let Err(e) = ctx.on_frame(map.as_slice()) {
                    eprintln!("[{}] frame handling failed: {e:#}", ctx.name);
                }
                Ok(gst::FlowSuccess::Ok)
            })
            .build(),
    );

    Ok(pipeline)
}
