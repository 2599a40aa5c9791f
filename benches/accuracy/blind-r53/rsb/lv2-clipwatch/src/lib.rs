//! clipwatch.lv2 — stereo pass-through. Counts samples above the ceiling and
//! hands a small summary to the shared reporter thread about once a second.
//! The host calls `new` when the plugin is inserted on a track and `run`
//! for every audio block.

use std::sync::atomic::{AtomicU32, Ordering};

use lv2::prelude::*;

mod reporter;

use reporter::ClipEvent;

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

#[derive(PortCollection)]
struct Ports {
    in_left: InputPort<Audio>,
    in_right: InputPort<Audio>,
    out_left: OutputPort<Audio>,
    out_right: OutputPort<Audio>,
    ceiling_db: InputPort<Control>,
}

#[uri("https://mastering.tidewater.example/lv2/clipwatch")]
struct ClipWatch {
    instance: u32,
    sample_rate: f64,
    frames_since_report: u64,
    overs: u32,
    peak: f32,
    reporter: reporter::Handle,
}

impl Plugin for ClipWatch {
    type Ports = Ports;
    type InitFeatures = ();
    type AudioFeatures = ();

    fn new(plugin_info: &PluginInfo, _features: &mut ()) -> Option<Self> {
        // Shared by every clipwatch instance in this host process.
        let reporter = reporter::shared()?;
        Some(Self {
            instance: NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed),
            sample_rate: plugin_info.sample_rate(),
            frames_since_report: 0,
            overs: 0,
            peak: 0.0,
            reporter,
        })
    }

    fn activate(&mut self, _features: &mut ()) {
        self.frames_since_report = 0;
        self.overs = 0;
        self.peak = 0.0;
    }

    fn run(&mut self, ports: &mut Ports, _features: &mut (), sample_count: u32) {
        let ceiling = 10f32.powf(*ports.ceiling_db / 20.0);

        for (input, output) in ports.in_left.iter().zip(ports.out_left.iter_mut()) {
            *output = *input;
            self.observe(*input, ceiling);
        }
        for (input, output) in ports.in_right.iter().zip(ports.out_right.iter_mut()) {
            *output = *input;
            self.observe(*input, ceiling);
        }

        self.frames_since_report += u64::from(sample_count);
        if self.frames_since_report as f64 >= self.sample_rate {
            if self.overs > 0 {
                // Never blocks the audio thread: drops the summary if the
                // reporter is behind.
                self.reporter.offer(ClipEvent {
                    instance: self.instance,
                    overs: self.overs,
                    peak_dbfs: 20.0 * self.peak.max(1e-9).log10(),
                });
            }
            self.frames_since_report = 0;
            self.overs = 0;
            self.peak = 0.0;
        }
    }
}

impl ClipWatch {
    #[inline]
    fn observe(&mut self, sample: f32, ceiling: f32) {
        let a = sample.abs();
        if a > ceiling {
            self.overs += 1;
        }
        if a > self.peak {
            self.peak = a;
        }
    }
}

lv2_descriptors!(ClipWatch);
