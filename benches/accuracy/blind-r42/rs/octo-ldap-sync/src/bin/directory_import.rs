//! One-off nightly import of people from LDAP (started by cron, exits when done).

use ldap3::{LdapConnAsync, Scope, SearchEntry};
use octo_ldap_sync::db;

fn first(entry: &SearchEntry, attr: &str) -> Option<String> {
    entry.attrs.get(attr).and_then(|v| v.first()).cloned()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(2).await?;

    let (conn, mut ldap) = LdapConnAsync::new(&std::env::var("LDAP_URL")?).await?;
    ldap3::drive!(conn);
    ldap.simple_bind(&std::env::var("LDAP_BIND_DN")?, &std::env::var("LDAP_BIND_PW")?)
        .await?
        .success()?;

    let (entries, _res) = ldap
        .search(
            "ou=people,dc=acme,dc=example",
            Scope::Subtree,
            "(&(objectClass=inetOrgPerson)(githubLogin=*))",
            vec!["uid", "cn", "mail", "githubLogin", "departmentNumber"],
        )
        .await?
        .success()?;

    let mut imported = 0;
    for raw in entries {
        let e = SearchEntry::construct(raw);
        let (Some(uid), Some(login)) = (first(&e, "uid"), first(&e, "githubLogin")) else { continue };
        sqlx::query(
            "INSERT INTO people (uid, name, mail, github_login, department) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (uid) DO UPDATE SET name = EXCLUDED.name, mail = EXCLUDED.mail, \
             github_login = EXCLUDED.github_login, department = EXCLUDED.department",
        )
        .bind(&uid)
        .bind(first(&e, "cn"))
        .bind(first(&e, "mail"))
        .bind(&login)
        .bind(first(&e, "departmentNumber"))
        .execute(&pool)
        .await?;
        imported += 1;
    }

    ldap.unbind().await?;
    pool.close().await;
    println!("imported {imported} people");
    Ok(())
}
