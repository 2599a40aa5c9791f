use nih_plug::prelude::*;
use std::num::NonZeroU32;
use std::sync::Arc;

mod meter;
mod report;

use meter::LoudnessMeter;
use report::ReportTask;

pub struct LoudnessReporter {
    params: Arc<ReporterParams>,
    meter: LoudnessMeter,
    sample_rate: f32,
    samples_since_report: usize,
}

#[derive(Params)]
struct ReporterParams {
    #[id = "target"]
    pub target_lufs: FloatParam,
    #[id = "interval"]
    pub interval_secs: IntParam,
    #[id = "enabled"]
    pub reporting: BoolParam,
}

impl Default for ReporterParams {
    fn default() -> Self {
        Self {
            target_lufs: FloatParam::new(
                "Target",
                -23.0,
                FloatRange::Linear { min: -36.0, max: -8.0 },
            )
            .with_unit(" LUFS")
            .with_step_size(0.5),
            interval_secs: IntParam::new("Report every", 5, IntRange::Linear { min: 1, max: 120 })
                .with_unit(" s"),
            reporting: BoolParam::new("Reporting", true),
        }
    }
}

impl Default for LoudnessReporter {
    fn default() -> Self {
        Self {
            params: Arc::new(ReporterParams::default()),
            meter: LoudnessMeter::new(48_000.0),
            sample_rate: 48_000.0,
            samples_since_report: 0,
        }
    }
}

impl Plugin for LoudnessReporter {
    const NAME: &'static str = "Loudness Reporter";
    const VENDOR: &'static str = "Northbank Broadcast";
    const URL: &'static str = "https://northbank.example/tools/loudness-reporter";
    const EMAIL: &'static str = "eng@northbank.example";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");

    const AUDIO_IO_LAYOUTS: &'static [AudioIOLayout] = &[AudioIOLayout {
        main_input_channels: NonZeroU32::new(2),
        main_output_channels: NonZeroU32::new(2),
        ..AudioIOLayout::const_default()
    }];

    const SAMPLE_ACCURATE_AUTOMATION: bool = false;

    type SysExMessage = ();
    type BackgroundTask = ReportTask;

    fn params(&self) -> Arc<dyn Params> {
        self.params.clone()
    }

    fn task_executor(&mut self) -> TaskExecutor<Self> {
        // Runs on nih-plug's background thread, once for every task that
        // process() hands over with execute_background().
        Box::new(|task| {
            if let Err(err) = report::send(task) {
                nih_log!("loudness report failed: {err}");
            }
        })
    }

    fn initialize(
        &mut self,
        _audio_io_layout: &AudioIOLayout,
        buffer_config: &BufferConfig,
        _context: &mut impl InitContext<Self>,
    ) -> bool {
        self.sample_rate = buffer_config.sample_rate;
        self.meter = LoudnessMeter::new(buffer_config.sample_rate);
        true
    }

    fn reset(&mut self) {
        self.meter.reset();
        self.samples_since_report = 0;
    }

    fn process(
        &mut self,
        buffer: &mut Buffer,
        _aux: &mut AuxiliaryBuffers,
        context: &mut impl ProcessContext<Self>,
    ) -> ProcessStatus {
        for mut frame in buffer.iter_samples() {
            let left = *frame.get_mut(0).unwrap();
            let right = *frame.get_mut(1).unwrap();
            self.meter.push(left, right);
        }

        self.samples_since_report += buffer.samples();
        let interval = self.params.interval_secs.value() as usize * self.sample_rate as usize;

        if self.params.reporting.value() && self.samples_since_report >= interval {
            self.samples_since_report = 0;
            context.execute_background(ReportTask {
                short_term_lufs: self.meter.short_term_lufs(),
                peak_dbfs: self.meter.take_peak_dbfs(),
                target_lufs: self.params.target_lufs.value(),
                playing: context.transport().playing,
            });
        }

        ProcessStatus::Normal
    }
}

impl ClapPlugin for LoudnessReporter {
    const CLAP_ID: &'static str = "com.northbank.loudness-reporter";
    const CLAP_DESCRIPTION: Option<&'static str> =
        Some("Short-term loudness meter with station monitoring reports");
    const CLAP_MANUAL_URL: Option<&'static str> = Some(Self::URL);
    const CLAP_SUPPORT_URL: Option<&'static str> = None;
    const CLAP_FEATURES: &'static [ClapFeature] = &[
        ClapFeature::AudioEffect,
        ClapFeature::Analyzer,
        ClapFeature::Stereo,
    ];
}

impl Vst3Plugin for LoudnessReporter {
    const VST3_CLASS_ID: [u8; 16] = *b"NbLoudnessRprtr1";
    const VST3_SUBCATEGORIES: &'static [Vst3SubCategory] =
        &[Vst3SubCategory::Fx, Vst3SubCategory::Analyzer];
}

nih_export_clap!(LoudnessReporter);
nih_export_vst3!(LoudnessReporter);
