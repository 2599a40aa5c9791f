//! A small deadpool of bound LDAP connections. `create` only runs when the
//! pool needs a new slot (max 2), `recycle` drops dead ones.

use deadpool::managed::{self, Metrics, RecycleError, RecycleResult};
use ldap3::{Ldap, LdapConnAsync, LdapError};

pub struct LdapManager {
    pub url: String,
    pub bind_dn: String,
    pub bind_pw: String,
}

impl managed::Manager for LdapManager {
    type Type = Ldap;
    type Error = LdapError;

    async fn create(&self) -> Result<Ldap, LdapError> {
        let (conn, mut ldap) = LdapConnAsync::new(&self.url).await?;
        ldap3::drive!(conn);
        ldap.simple_bind(&self.bind_dn, &self.bind_pw).await?.success()?;
        Ok(ldap)
    }

    async fn recycle(&self, ldap: &mut Ldap, _: &Metrics) -> RecycleResult<LdapError> {
        if ldap.is_closed() {
            return Err(RecycleError::message("ldap connection closed"));
        }
        Ok(())
    }
}

pub type LdapPool = managed::Pool<LdapManager>;

pub fn build(url: String, bind_dn: String, bind_pw: String) -> anyhow::Result<LdapPool> {
    Ok(managed::Pool::builder(LdapManager { url, bind_dn, bind_pw })
        .max_size(2)
        .runtime(deadpool::Runtime::Tokio1)
        .build()?)
}
