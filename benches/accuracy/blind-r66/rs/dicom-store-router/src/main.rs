mod index;

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;

use dicom_core::{dicom_value, DataElement, VR};
use dicom_dictionary_std::{tags, uids};
use dicom_object::{FileMetaTableBuilder, InMemDicomObject, StandardDataDictionary};
use dicom_transfer_syntax_registry::{entries::IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntaxRegistry};
use dicom_ul::pdu::{PDataValue, PDataValueType};
use dicom_ul::{Pdu, ServerAssociationOptions};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use tracing::{info, warn};

use dicom_transfer_syntax_registry::TransferSyntaxIndex;
use index::{InstanceRow, StudyIndex};

struct Ctx {
    index: StudyIndex,
    archive_dir: PathBuf,
    redis_url: String,
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let dsn = std::env::var("ARCHIVE_DSN")?;
    let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(8).build(manager)?;

    let ctx = Arc::new(Ctx {
        index: StudyIndex::new(&pool)?,
        archive_dir: PathBuf::from(
            std::env::var("ARCHIVE_DIR").unwrap_or_else(|_| "/srv/dicom".into()),
        ),
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    });

    let listener = TcpListener::bind("0.0.0.0:11112")?;
    info!("STORE-SCP listening on 11112");
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                warn!("accept failed: {e}");
                continue;
            }
        };
        let ctx = Arc::clone(&ctx);
        // Each modality (CT, MR, CR...) opens one association per study it pushes.
        thread::spawn(move || {
            if let Err(e) = handle_association(stream, &ctx) {
                warn!("association ended with error: {e:#}");
            }
        });
    }
    Ok(())
}

fn handle_association(stream: TcpStream, ctx: &Ctx) -> anyhow::Result<()> {
    let mut options = ServerAssociationOptions::new()
        .accept_any()
        .ae_title("ARCHIVE")
        .with_abstract_syntax(uids::VERIFICATION);
    for sop in [
        uids::CT_IMAGE_STORAGE,
        uids::MR_IMAGE_STORAGE,
        uids::DIGITAL_X_RAY_IMAGE_STORAGE_FOR_PRESENTATION,
    ] {
        options = options.with_abstract_syntax(sop);
    }
    let mut association = options.establish(stream)?;
    let calling_ae = association.client_ae_title().to_string();
    info!(%calling_ae, "association accepted");

    // Priority flags for the reading worklist.
    let worklist = redis::Client::open(ctx.redis_url.as_str())?;
    let mut flags = worklist.get_connection()?;

    let cmd_ts = IMPLICIT_VR_LITTLE_ENDIAN.erased();
    let mut buffer: Vec<u8> = Vec::new();
    let mut msg_id: u16 = 1;
    let mut sop_class = String::new();
    let mut sop_instance = String::new();

    loop {
        match association.receive()? {
            Pdu::PData { data } => {
                for value in data {
                    match (value.value_type, value.is_last) {
                        (PDataValueType::Command, true) => {
                            let cmd = InMemDicomObject::read_dataset_with_ts(
                                value.data.as_slice(),
                                &cmd_ts,
                            )?;
                            msg_id = cmd.element(tags::MESSAGE_ID)?.to_int()?;
                            sop_class = cmd
                                .element(tags::AFFECTED_SOP_CLASS_UID)?
                                .to_str()?
                                .trim_end_matches('\0')
                                .to_string();
                            sop_instance = cmd
                                .element(tags::AFFECTED_SOP_INSTANCE_UID)?
                                .to_str()?
                                .trim_end_matches('\0')
                                .to_string();
                            buffer.clear();
                        }
                        (PDataValueType::Data, false) => buffer.extend_from_slice(&value.data),
                        (PDataValueType::Data, true) => {
                            buffer.extend_from_slice(&value.data);
                            let pc = association
                                .presentation_contexts()
                                .iter()
                                .find(|pc| pc.id == value.presentation_context_id)
                                .ok_or_else(|| anyhow::anyhow!("unknown presentation context"))?;
                            let ts = TransferSyntaxRegistry
                                .get(&pc.transfer_syntax)
                                .ok_or_else(|| anyhow::anyhow!("unsupported transfer syntax"))?;
                            let obj =
                                InMemDicomObject::read_dataset_with_ts(buffer.as_slice(), ts)?;

                            let study =
                                obj.element(tags::STUDY_INSTANCE_UID)?.to_str()?.to_string();
                            let series = obj
                                .element(tags::SERIES_INSTANCE_UID)?
                                .to_str()?
                                .to_string();
                            let modality = obj.element(tags::MODALITY)?.to_str()?.to_string();
                            let patient = obj.element(tags::PATIENT_ID)?.to_str()?.to_string();
                            let priority = obj
                                .element_opt(tags::REQUESTED_PROCEDURE_PRIORITY)?
                                .and_then(|e| e.to_str().ok().map(|s| s.to_string()))
                                .unwrap_or_default();

                            let meta = FileMetaTableBuilder::new()
                                .media_storage_sop_class_uid(sop_class.as_str())
                                .media_storage_sop_instance_uid(sop_instance.as_str())
                                .transfer_syntax(pc.transfer_syntax.as_str())
                                .build()?;
                            let path = ctx
                                .archive_dir
                                .join(&study)
                                .join(format!("{sop_instance}.dcm"));
                            std::fs::create_dir_all(path.parent().unwrap())?;
                            obj.with_exact_meta(meta).write_to_file(&path)?;

                            ctx.index.record(&InstanceRow {
                                study_uid: &study,
                                series_uid: &series,
                                sop_instance_uid: &sop_instance,
                                modality: &modality,
                                patient_id: &patient,
                                calling_ae: &calling_ae,
                                path: &path.to_string_lossy(),
                            })?;
                            if priority.eq_ignore_ascii_case("STAT") {
                                let _: () = flags.zadd("worklist:stat", &study, 0)?;
                            }

                            let rsp = cstore_response(msg_id, &sop_class, &sop_instance);
                            let mut rsp_data = Vec::new();
                            rsp.write_dataset_with_ts(&mut rsp_data, &cmd_ts)?;
                            association.send(&Pdu::PData {
                                data: vec![PDataValue {
                                    presentation_context_id: value.presentation_context_id,
                                    value_type: PDataValueType::Command,
                                    is_last: true,
                                    data: rsp_data,
                                }],
                            })?;
                            buffer.clear();
                        }
                        _ => {}
                    }
                }
            }
            Pdu::ReleaseRQ => {
                association.send(&Pdu::ReleaseRP)?;
                info!(%calling_ae, "association released");
                return Ok(());
            }
            Pdu::AbortRQ { source } => {
                warn!(%calling_ae, ?source, "association aborted");
                return Ok(());
            }
            _ => {}
        }
    }
}

fn cstore_response(
    msg_id: u16,
    sop_class: &str,
    sop_instance: &str,
) -> InMemDicomObject<StandardDataDictionary> {
    InMemDicomObject::command_from_element_iter([
        DataElement::new(
            tags::AFFECTED_SOP_CLASS_UID,
            VR::UI,
            dicom_value!(Str, sop_class),
        ),
        DataElement::new(tags::COMMAND_FIELD, VR::US, dicom_value!(U16, [0x8001])),
        DataElement::new(
            tags::MESSAGE_ID_BEING_RESPONDED_TO,
            VR::US,
            dicom_value!(U16, [msg_id]),
        ),
        DataElement::new(
            tags::COMMAND_DATA_SET_TYPE,
            VR::US,
            dicom_value!(U16, [0x0101]),
        ),
        DataElement::new(tags::STATUS, VR::US, dicom_value!(U16, [0x0000])),
        DataElement::new(
            tags::AFFECTED_SOP_INSTANCE_UID,
            VR::UI,
            dicom_value!(Str, sop_instance),
        ),
    ])
}
