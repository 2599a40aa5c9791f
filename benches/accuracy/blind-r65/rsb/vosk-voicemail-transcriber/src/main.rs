mod alerts;
mod spool;
mod transcripts;

use std::path::Path;
use std::time::{Duration, Instant};

use hound::WavReader;
use vosk::{DecodingState, Model, Recognizer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let crm_db = std::env::var("CRM_DB_URL")?; // mysql://vm:***@crm-db.internal:3306/crm
    let spool_root = std::env::var("VM_SPOOL").unwrap_or_else(|_| "/var/spool/asterisk/voicemail".into());
    let model_dir = std::env::var("VOSK_MODEL").unwrap_or_else(|_| "/opt/vosk/vosk-model-en-us-0.22-lgraph".into());

    vosk::set_log_level(vosk::LogLevel::Warn);
    let model = Model::new(model_dir).ok_or("could not load vosk model")?;

    let mut store = transcripts::TranscriptStore::open(&crm_db)?;
    let alerts = alerts::Alerts::load(&crm_db)?;
    let mut last_purge = Instant::now();

    loop {
        for msg in spool::pending(Path::new(&spool_root)) {
            match transcribe(&model, &msg.wav) {
                Ok(text) => {
                    store.save(&msg.mailbox, &msg.msg_id, &msg.caller_id, msg.orig_time, &text)?;
                    let hits = alerts.check(&msg.mailbox, &msg.msg_id, &text)?;
                    if hits > 0 {
                        log::info!("{}/{}: {hits} alert phrase(s)", msg.mailbox, msg.msg_id);
                    }
                    std::fs::write(&msg.marker, b"")?;
                }
                Err(e) => log::warn!("{}: transcription failed: {e}", msg.wav.display()),
            }
        }

        if last_purge.elapsed() > Duration::from_secs(24 * 3600) {
            store.purge_older_than_days(180)?;
            last_purge = Instant::now();
        }
        std::thread::sleep(Duration::from_secs(5));
    }
}

fn transcribe(model: &Model, wav: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let mut reader = WavReader::open(wav)?;
    let rate = reader.spec().sample_rate as f32;
    let samples = reader.samples::<i16>().collect::<Result<Vec<_>, _>>()?;

    let mut rec = Recognizer::new(model, rate).ok_or("recognizer init failed")?;
    let mut parts: Vec<String> = Vec::new();
    for chunk in samples.chunks(4000) {
        if let DecodingState::Finalized = rec.accept_waveform(chunk)? {
            if let Some(r) = rec.result().single() {
                parts.push(r.text.to_string());
            }
        }
    }
    if let Some(r) = rec.final_result().single() {
        parts.push(r.text.to_string());
    }
    Ok(parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "))
}
