mod store;

use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::DecoderOptions;
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::{MediaSourceStream, ReadOnlySource};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

/// Loudness is aggregated into fixed windows of program audio.
const SEGMENT_SECS: f64 = 10.0;
/// Anything quieter than this for `DEAD_AIR_AFTER` is dead air.
const SILENCE_DBFS: f64 = -50.0;
const DEAD_AIR_AFTER: Duration = Duration::from_secs(20);

struct Station {
    id: String,
    stream_url: String,
    alert_hook: String,
}

fn main() -> anyhow::Result<()> {
    let station = Station {
        id: std::env::var("STATION_ID").context("STATION_ID")?,
        stream_url: std::env::var("STREAM_URL").context("STREAM_URL")?,
        alert_hook: std::env::var("ALERT_WEBHOOK").context("ALERT_WEBHOOK")?,
    };

    let http = reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(None)
        .build()?;

    loop {
        if let Err(e) = monitor(&http, &station) {
            eprintln!("[{}] stream lost: {e:#}; reconnecting in 5 s", station.id);
            std::thread::sleep(Duration::from_secs(5));
        }
    }
}

fn monitor(http: &reqwest::blocking::Client, station: &Station) -> anyhow::Result<()> {
    let resp = http.get(&station.stream_url).send()?.error_for_status()?;
    let mss = MediaSourceStream::new(Box::new(ReadOnlySource::new(resp)), Default::default());

    let mut hint = Hint::new();
    hint.with_extension("mp3");
    let probed = symphonia::default::get_probe().format(
        &hint,
        mss,
        &FormatOptions::default(),
        &MetadataOptions::default(),
    )?;
    let mut format = probed.format;

    let track = format.default_track().ok_or_else(|| anyhow!("stream has no audio track"))?;
    let track_id = track.id;
    let sample_rate = f64::from(track.codec_params.sample_rate.unwrap_or(44_100));
    let mut decoder =
        symphonia::default::get_codecs().make(&track.codec_params, &DecoderOptions::default())?;

    let mut sum_sq = 0.0_f64;
    let mut samples = 0_u64;
    let mut frames = 0_u64;
    let mut peak = 0.0_f32;
    let mut quiet_since: Option<Instant> = None;
    let mut alerted = false;

    loop {
        let packet = format.next_packet()?;
        if packet.track_id() != track_id {
            continue;
        }
        let decoded = match decoder.decode(&packet) {
            Ok(decoded) => decoded,
            Err(SymphoniaError::DecodeError(_)) => continue,
            Err(e) => return Err(e.into()),
        };

        let spec = *decoded.spec();
        let mut pcm = SampleBuffer::<f32>::new(decoded.capacity() as u64, spec);
        pcm.copy_interleaved_ref(decoded);
        for s in pcm.samples() {
            sum_sq += f64::from(*s) * f64::from(*s);
            peak = peak.max(s.abs());
        }
        samples += pcm.samples().len() as u64;
        frames += pcm.samples().len() as u64 / spec.channels.count() as u64;

        if (frames as f64) < sample_rate * SEGMENT_SECS {
            continue;
        }

        // One loudness row per 10 s window of program audio.
        let rms_dbfs = 10.0 * (sum_sq / samples.max(1) as f64).log10();
        let mut db = store::connect()?;
        store::insert_segment(&mut db, &station.id, rms_dbfs, peak)?;

        if rms_dbfs < SILENCE_DBFS {
            let since = *quiet_since.get_or_insert_with(Instant::now);
            if !alerted && since.elapsed() >= DEAD_AIR_AFTER {
                http.post(&station.alert_hook)
                    .timeout(Duration::from_secs(10))
                    .json(&serde_json::json!({
                        "station": station.id,
                        "event": "dead_air",
                        "rms_dbfs": rms_dbfs,
                    }))
                    .send()?;
                store::open_incident(&mut db, &station.id)?;
                alerted = true;
            }
        } else if quiet_since.take().is_some() && alerted {
            store::close_incident(&mut db, &station.id)?;
            alerted = false;
        }

        sum_sq = 0.0;
        samples = 0;
        frames = 0;
        peak = 0.0;
    }
}
