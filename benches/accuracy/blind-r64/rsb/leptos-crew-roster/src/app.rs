use leptos::*;
use leptos_meta::*;
use leptos_router::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Shift {
    pub id: i64,
    pub crew_name: String,
    pub vessel: String,
    pub starts_on: String,
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use leptos::*;
    use sqlx::PgPool;

    /// Looks up the pool that main() built once and provides to every
    /// request's reactive context; it never opens a connection itself.
    pub fn pool() -> Result<PgPool, ServerFnError> {
        use_context::<PgPool>()
            .ok_or_else(|| ServerFnError::ServerError("database pool missing from context".into()))
    }
}

#[server(ListShifts, "/api")]
pub async fn list_shifts(vessel: Option<String>) -> Result<Vec<Shift>, ServerFnError> {
    let pool = self::ssr::pool()?;
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT s.id, c.name, s.vessel, to_char(s.starts_on, 'YYYY-MM-DD') \
         FROM shifts s JOIN crew c ON c.id = s.crew_id \
         WHERE ($1::text IS NULL OR s.vessel = $1) ORDER BY s.starts_on, c.name",
    )
    .bind(vessel)
    .fetch_all(&pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, crew_name, vessel, starts_on)| Shift { id, crew_name, vessel, starts_on })
        .collect())
}

#[server(AddShift, "/api")]
pub async fn add_shift(crew_name: String, vessel: String, starts_on: String) -> Result<(), ServerFnError> {
    let pool = self::ssr::pool()?;
    let mut tx = pool.begin().await?;
    let crew_id: i64 = sqlx::query_scalar(
        "INSERT INTO crew (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(&crew_name)
    .fetch_one(&mut *tx)
    .await?;
    let clash: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM shifts WHERE crew_id = $1 AND starts_on = $2::date)",
    )
    .bind(crew_id)
    .bind(&starts_on)
    .fetch_one(&mut *tx)
    .await?;
    if clash {
        // tx is dropped here and rolled back by sqlx
        return Err(ServerFnError::ServerError(format!("{crew_name} already has a shift on {starts_on}")));
    }
    sqlx::query("INSERT INTO shifts (crew_id, vessel, starts_on) VALUES ($1, $2, $3::date)")
        .bind(crew_id)
        .bind(&vessel)
        .bind(&starts_on)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/crew-roster.css"/>
        <Title text="Crew roster"/>
        <Router>
            <main>
                <Routes>
                    <Route path="" view=RosterPage/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn RosterPage() -> impl IntoView {
    let add_shift = create_server_action::<AddShift>();
    // Re-runs after every successful AddShift submission.
    let shifts = create_resource(move || add_shift.version().get(), |_| list_shifts(None));
    view! {
        <h1>"Crew roster"</h1>
        <ActionForm action=add_shift>
            <input type="text" name="crew_name" placeholder="Crew member"/>
            <input type="text" name="vessel" placeholder="Vessel"/>
            <input type="date" name="starts_on"/>
            <input type="submit" value="Add shift"/>
        </ActionForm>
        <Transition fallback=move || view! { <p>"Loading roster…"</p> }>
            {move || shifts.get().map(|res| match res {
                Ok(rows) => view! {
                    <ul>
                        {rows.into_iter()
                            .map(|s| view! { <li>{s.starts_on} " · " {s.vessel} " · " {s.crew_name}</li> })
                            .collect_view()}
                    </ul>
                }.into_view(),
                Err(e) => view! { <p class="error">{e.to_string()}</p> }.into_view(),
            })}
        </Transition>
    }
}
