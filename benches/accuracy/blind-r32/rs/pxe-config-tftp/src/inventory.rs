use sqlx::{PgPool, Row};

pub async fn render_ipxe(pool: &PgPool, mac: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT h.hostname, i.kernel_url, i.initrd_url, h.kernel_args
         FROM hosts h JOIN images i ON i.id = h.image_id
         WHERE h.mac = lower($1)",
    )
    .bind(mac.replace('-', ":"))
    .fetch_optional(pool)
    .await?;

    Ok(row.map(|r| {
        format!(
            "#!ipxe\necho Booting {host}\nkernel {kernel} {args} hostname={host}\ninitrd {initrd}\nboot\n",
            host = r.get::<String, _>("hostname"),
            kernel = r.get::<String, _>("kernel_url"),
            initrd = r.get::<String, _>("initrd_url"),
            args = r.get::<String, _>("kernel_args"),
        )
    }))
}

pub async fn render_switch_config(pool: &PgPool, name: &str) -> Result<Option<String>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let template: Option<String> = sqlx::query_scalar(
        "SELECT t.body FROM switches s JOIN config_templates t ON t.id = s.template_id WHERE s.config_name = $1",
    )
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(template) = template else { return Ok(None) };

    let vlans: Vec<(i32, String)> =
        sqlx::query_as("SELECT vlan_id, label FROM switch_vlans WHERE config_name = $1 ORDER BY vlan_id")
            .bind(name)
            .fetch_all(&mut *conn)
            .await?;
    let vlan_block: String = vlans
        .iter()
        .map(|(id, label)| format!("vlan {id}\n name {label}\n"))
        .collect();

    Ok(Some(template.replace("{{vlans}}", &vlan_block)))
}
