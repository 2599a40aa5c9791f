mod agenda;
mod checkins;
mod roster;

use std::sync::Arc;

use bluer::adv::Advertisement;
use bluer::gatt::local::{
    Application, Characteristic, CharacteristicRead, CharacteristicWrite, CharacteristicWriteMethod, ReqError,
    Service,
};
use futures::FutureExt;

use crate::checkins::Checkins;
use crate::roster::Roster;

const SERVICE_UUID: uuid::Uuid = uuid::uuid!("6b1f2c00-4a39-4b8e-9d0f-4f6a6b9c1000");
const CHECKIN_UUID: uuid::Uuid = uuid::uuid!("6b1f2c01-4a39-4b8e-9d0f-4f6a6b9c1000");
const AGENDA_UUID: uuid::Uuid = uuid::uuid!("6b1f2c02-4a39-4b8e-9d0f-4f6a6b9c1000");

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mongo_uri = std::env::var("MONGO_URI")?;
    let room = std::env::var("ROOM_ID")?;

    let roster = Arc::new(Roster::load(&mongo_uri).await?);
    let checkins = Arc::new(Checkins::open(&mongo_uri).await?);

    let session = bluer::Session::new().await?;
    let adapter = session.default_adapter().await?;
    adapter.set_powered(true).await?;

    let adv = Advertisement {
        service_uuids: vec![SERVICE_UUID].into_iter().collect(),
        discoverable: Some(true),
        local_name: Some(format!("door-{room}")),
        ..Default::default()
    };
    let _adv_handle = adapter.advertise(adv).await?;

    let write_room = room.clone();
    let read_room = room.clone();
    let app = Application {
        services: vec![Service {
            uuid: SERVICE_UUID,
            primary: true,
            characteristics: vec![
                Characteristic {
                    uuid: CHECKIN_UUID,
                    write: Some(CharacteristicWrite {
                        write: true,
                        write_without_response: false,
                        method: CharacteristicWriteMethod::Fun(Box::new(move |value, req| {
                            let roster = roster.clone();
                            let checkins = checkins.clone();
                            let room = write_room.clone();
                            async move {
                                let token = String::from_utf8(value).map_err(|_| ReqError::InvalidValueLength)?;
                                let Some(attendee) = roster.lookup(&token).await else {
                                    return Err(ReqError::NotAuthorized);
                                };
                                checkins
                                    .record(&attendee, &room, &req.device_address.to_string())
                                    .await
                                    .map_err(|_| ReqError::Failed)?;
                                Ok(())
                            }
                            .boxed()
                        })),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                Characteristic {
                    uuid: AGENDA_UUID,
                    read: Some(CharacteristicRead {
                        read: true,
                        fun: Box::new(move |_req| {
                            let room = read_room.clone();
                            async move {
                                let summary = agenda::now_playing(&room).await.map_err(|_| ReqError::Failed)?;
                                Ok(summary.into_bytes())
                            }
                            .boxed()
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        ..Default::default()
    };

    let _app_handle = adapter.serve_gatt_application(app).await?;
    println!("badge beacon for room {room} is up");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
