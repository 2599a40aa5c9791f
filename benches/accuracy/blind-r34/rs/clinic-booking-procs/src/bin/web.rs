use actix_web::{get, post, web, App, HttpResponse, HttpServer, Responder};
use clinic_booking::db;
use mysql_async::prelude::*;
use mysql_async::Pool;
use serde::Deserialize;

#[derive(Deserialize)]
struct NewBooking {
    patient_id: u64,
    slot_id: u64,
}

#[get("/slots/{clinic_id}")]
async fn free_slots(pool: web::Data<Pool>, clinic_id: web::Path<u64>) -> actix_web::Result<impl Responder> {
    let mut conn = pool.get_conn().await.map_err(actix_web::error::ErrorServiceUnavailable)?;
    let slots: Vec<(u64, String)> = conn
        .exec(
            "SELECT id, DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i') FROM slots \
             WHERE clinic_id = ? AND booked_by IS NULL AND starts_at > NOW() ORDER BY starts_at",
            (clinic_id.into_inner(),),
        )
        .await
        .map_err(actix_web::error::ErrorInternalServerError)?;
    Ok(web::Json(slots))
}

#[post("/bookings")]
async fn book(pool: web::Data<Pool>, body: web::Json<NewBooking>) -> actix_web::Result<HttpResponse> {
    let mut conn = pool.get_conn().await.map_err(actix_web::error::ErrorServiceUnavailable)?;
    conn.exec_drop(
        "UPDATE slots SET booked_by = ? WHERE id = ? AND booked_by IS NULL",
        (body.patient_id, body.slot_id),
    )
    .await
    .map_err(actix_web::error::ErrorInternalServerError)?;

    if conn.affected_rows() == 0 {
        return Ok(HttpResponse::Conflict().body("slot already taken"));
    }
    Ok(HttpResponse::Created().finish())
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(15).await?;
    let data = web::Data::new(pool.clone());

    HttpServer::new(move || App::new().app_data(data.clone()).service(free_slots).service(book))
        .bind(("0.0.0.0", 8080))?
        .run()
        .await?;

    pool.disconnect().await?;
    Ok(())
}
