mod audit;
mod motion;
mod pipeline;
mod store;

use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use gstreamer as gst;
use gst::prelude::*;

fn main() -> Result<()> {
    gst::init()?;

    // CAMERAS="dock=rtsp://10.0.4.21/stream1,gate=rtsp://10.0.4.22/stream1"
    let cameras = std::env::var("CAMERAS").context("CAMERAS must be set")?;
    let webhook = std::env::var("ALERT_WEBHOOK_URL").context("ALERT_WEBHOOK_URL must be set")?;

    let pool = store::build_pool()?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let mut pipelines = Vec::new();
    for spec in cameras.split(',').filter(|s| !s.is_empty()) {
        let (name, uri) = spec
            .split_once('=')
            .ok_or_else(|| anyhow!("bad camera spec {spec:?}, expected name=uri"))?;
        let ctx = motion::CameraCtx::new(name, pool.clone(), http.clone(), webhook.clone());
        let p = pipeline::build(uri, ctx)?;
        p.set_state(gst::State::Playing)?;
        println!("camera {name} playing");
        pipelines.push(p);
    }

    let main_loop = gst::glib::MainLoop::new(None, false);
    main_loop.run();

    for p in pipelines {
        p.set_state(gst::State::Null)?;
    }
    Ok(())
}
