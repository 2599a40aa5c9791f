use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

use dnp3::app::measurement::{AnalogInput, BinaryInput};
use dnp3::app::{MaybeAsync, ResponseHeader};
use dnp3::master::{AssociationHandler, AssociationInformation, HeaderInfo, ReadHandler, ReadType};

use crate::alarms::{AlarmSink, StateChange};
use crate::historian::{Historian, PointMap, Sample};

const ONLINE: u8 = 0x01;

pub struct PointHandler {
    outstation: String,
    points: PointMap,
    historian: Historian,
    alarms: Arc<AlarmSink>,
    last_analog: HashMap<u16, f64>,
    last_binary: HashMap<u16, bool>,
    pending: Vec<Sample>,
    changes: Vec<StateChange>,
}

impl PointHandler {
    pub fn new(outstation: String, points: PointMap, historian: Historian, alarms: Arc<AlarmSink>) -> Self {
        Self {
            outstation,
            points,
            historian,
            alarms,
            last_analog: HashMap::new(),
            last_binary: HashMap::new(),
            pending: Vec::new(),
            changes: Vec::new(),
        }
    }
}

impl ReadHandler for PointHandler {
    fn begin_fragment(&mut self, _read_type: ReadType, _header: ResponseHeader) -> MaybeAsync<()> {
        self.pending.clear();
        self.changes.clear();
        MaybeAsync::ready(())
    }

    fn end_fragment(&mut self, _read_type: ReadType, _header: ResponseHeader) -> MaybeAsync<()> {
        let samples = std::mem::take(&mut self.pending);
        let changes = std::mem::take(&mut self.changes);
        let historian = self.historian.clone();
        let alarms = self.alarms.clone();
        let outstation = self.outstation.clone();

        MaybeAsync::asynchronous(async move {
            if let Err(e) = historian.write_batch(samples).await {
                log::error!("{outstation}: historian write failed: {e:#}");
                historian.record_error();
            }
            if let Err(e) = alarms.process(&outstation, changes).await {
                log::error!("{outstation}: alarm processing failed: {e:#}");
            }
        })
    }

    fn handle_binary_input(
        &mut self,
        _info: HeaderInfo,
        iter: &mut dyn Iterator<Item = (BinaryInput, u16)>,
    ) {
        for (bi, idx) in iter {
            let Some(def) = self.points.get(&("BI".to_string(), idx)) else { continue };
            let previous = self.last_binary.insert(idx, bi.value);
            if previous != Some(bi.value) {
                self.changes.push(StateChange {
                    tag: def.tag.clone(),
                    active: bi.value,
                    critical: def.tag.ends_with(".TRIP"),
                    ts: SystemTime::now(),
                });
            }
        }
    }

    fn handle_analog_input(
        &mut self,
        _info: HeaderInfo,
        iter: &mut dyn Iterator<Item = (AnalogInput, u16)>,
    ) {
        for (ai, idx) in iter {
            let Some(def) = self.points.get(&("AI".to_string(), idx)) else { continue };
            let last = self.last_analog.get(&idx).copied();
            if last.map_or(false, |v| (v - ai.value).abs() < def.deadband) {
                continue;
            }
            self.last_analog.insert(idx, ai.value);
            self.pending.push(Sample {
                outstation: self.outstation.clone(),
                tag: def.tag.clone(),
                value: ai.value,
                quality: if ai.flags.value & ONLINE != 0 { 192 } else { 0 },
                ts: SystemTime::now(),
            });
        }
    }
}

/// Default callbacks are fine for association events and task info.
pub struct Assoc;

impl AssociationHandler for Assoc {}
impl AssociationInformation for Assoc {}
