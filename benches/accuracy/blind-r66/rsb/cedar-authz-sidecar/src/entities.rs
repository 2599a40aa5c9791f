//! Builds the Cedar entity slice for one check: the user with their groups,
//! and the document with its folder chain.
use cedar_policy::Entities;
use serde_json::{json, Value};
use sqlx::PgPool;

pub async fn load(pool: &PgPool, tenant: &str, user: &str, document: &str) -> anyhow::Result<Entities> {
    let mut conn = pool.acquire().await?;

    let user_row: Option<(String, i32)> = sqlx::query_as(
        "SELECT department, clearance FROM dms_user WHERE tenant = $1 AND login = $2 AND active",
    )
    .bind(tenant)
    .bind(user)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((department, clearance)) = user_row else {
        return Ok(Entities::empty()); // unknown or deactivated user: default deny
    };
    let groups: Vec<(String,)> =
        sqlx::query_as("SELECT group_name FROM dms_group_member WHERE tenant = $1 AND login = $2")
            .bind(tenant)
            .bind(user)
            .fetch_all(&mut *conn)
            .await?;

    let doc: Option<(String, String, i32)> = sqlx::query_as(
        "SELECT owner_login, folder_path, classification FROM dms_document WHERE tenant = $1 AND id = $2",
    )
    .bind(tenant)
    .bind(document)
    .fetch_optional(&mut *conn)
    .await?;

    let mut list: Vec<Value> = vec![json!({
        "uid": { "type": "Dms::User", "id": user },
        "attrs": { "department": department, "clearance": clearance },
        "parents": groups.iter().map(|(g,)| json!({ "type": "Dms::Group", "id": g })).collect::<Vec<_>>(),
    })];
    for (g,) in &groups {
        list.push(json!({ "uid": { "type": "Dms::Group", "id": g }, "attrs": {}, "parents": [] }));
    }
    if let Some((owner, folder, classification)) = doc {
        list.push(json!({
            "uid": { "type": "Dms::Document", "id": document },
            "attrs": {
                "owner": { "__entity": { "type": "Dms::User", "id": owner } },
                "classification": classification,
            },
            "parents": [{ "type": "Dms::Folder", "id": folder }],
        }));
        list.push(json!({ "uid": { "type": "Dms::Folder", "id": folder }, "attrs": {}, "parents": [] }));
    }
    Ok(Entities::from_json_value(Value::Array(list), None)?)
}
