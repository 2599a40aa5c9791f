//! Loudness meter for the studio playout chain.
//!
//! Loaded by the host (Ardour / jack-rack / liquidsoap `ladspa.*`) as a
//! stereo pass-through. Every audio block goes through `run`; roughly once a
//! second we push the short-term levels to Redis so the dashboard can draw
//! them, and we page the on-call engineer when the bus clips.

mod alert;
mod meter;

use ladspa::{DefaultValue, Plugin, PluginDescriptor, Port, PortConnection, PortDescriptor};
use meter::ShortTermMeter;

const REDIS_URL: &str = "redis://10.20.0.15:6379/2";

struct LoudnessMeter {
    sample_rate: u64,
    meter: ShortTermMeter,
    frames_since_publish: u64,
    clip_latched: bool,
}

fn new_meter(_: &PluginDescriptor, sample_rate: u64) -> Box<dyn Plugin + Send> {
    Box::new(LoudnessMeter {
        sample_rate,
        meter: ShortTermMeter::new(sample_rate),
        frames_since_publish: 0,
        clip_latched: false,
    })
}

impl LoudnessMeter {
    fn publish_levels(&self, station: u32) {
        let client = match redis::Client::open(REDIS_URL) {
            Ok(c) => c,
            Err(_) => return,
        };
        let Ok(mut con) = client.get_connection() else { return };
        let key = format!("meter:station:{station}");
        let _: redis::RedisResult<()> = redis::pipe()
            .hset(&key, "rms_db", self.meter.rms_db())
            .hset(&key, "peak_db", self.meter.peak_db())
            .expire(&key, 10)
            .query(&mut con);
    }
}

impl Plugin for LoudnessMeter {
    fn activate(&mut self) {
        self.meter.reset();
        self.frames_since_publish = 0;
        self.clip_latched = false;
    }

    fn run<'a>(&mut self, sample_count: usize, ports: &[&'a PortConnection<'a>]) {
        let in_l = ports[0].unwrap_audio();
        let in_r = ports[1].unwrap_audio();
        let mut out_l = ports[2].unwrap_audio_mut();
        let mut out_r = ports[3].unwrap_audio_mut();
        let station = *ports[4].unwrap_control() as u32;
        let clip_threshold = *ports[5].unwrap_control();

        for i in 0..sample_count {
            out_l[i] = in_l[i];
            out_r[i] = in_r[i];
            self.meter.push(in_l[i], in_r[i]);
        }

        if self.meter.peak_db() >= clip_threshold && !self.clip_latched {
            self.clip_latched = true;
            alert::page_clip(station, self.meter.peak_db());
        } else if self.meter.peak_db() < clip_threshold - 3.0 {
            self.clip_latched = false;
        }

        self.frames_since_publish += sample_count as u64;
        if self.frames_since_publish >= self.sample_rate {
            self.publish_levels(station);
            self.frames_since_publish = 0;
        }
    }

    fn deactivate(&mut self) {
        self.meter.reset();
    }
}

fn audio_port(name: &'static str, desc: PortDescriptor) -> Port {
    Port {
        name,
        desc,
        hint: None,
        default: None,
        lower_bound: None,
        upper_bound: None,
    }
}

#[no_mangle]
pub fn get_ladspa_descriptor(index: u64) -> Option<PluginDescriptor> {
    match index {
        0 => Some(PluginDescriptor {
            unique_id: 0x4C4D31,
            label: "loudness_meter_stereo",
            properties: ladspa::PROP_HARD_RT_CAPABLE,
            name: "Studio Loudness Meter (stereo)",
            maker: "Broadcast Engineering",
            copyright: "MIT",
            ports: vec![
                audio_port("Input L", PortDescriptor::AudioInput),
                audio_port("Input R", PortDescriptor::AudioInput),
                audio_port("Output L", PortDescriptor::AudioOutput),
                audio_port("Output R", PortDescriptor::AudioOutput),
                Port {
                    name: "Station ID",
                    desc: PortDescriptor::ControlInput,
                    hint: Some(ladspa::HINT_INTEGER),
                    default: Some(DefaultValue::Value1),
                    lower_bound: Some(1.0),
                    upper_bound: Some(64.0),
                },
                Port {
                    name: "Clip threshold (dBFS)",
                    desc: PortDescriptor::ControlInput,
                    hint: None,
                    default: Some(DefaultValue::Maximum),
                    lower_bound: Some(-6.0),
                    upper_bound: Some(0.0),
                },
            ],
            new: new_meter,
        }),
        _ => None,
    }
}
