//! Client-certificate verifier: chain validation is delegated to webpki,
//! then the certificate fingerprint is checked against the revocation set
//! that the fleet console maintains in Redis.

use std::sync::Arc;

use redis::Commands;
use rustls::client::danger::HandshakeSignatureValid;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, SignatureScheme};
use sha2::{Digest, Sha256};

#[derive(Debug)]
pub struct RevocationAwareVerifier {
    inner: Arc<dyn ClientCertVerifier>,
    redis_url: String,
}

impl RevocationAwareVerifier {
    pub fn new(inner: Arc<dyn ClientCertVerifier>, redis_url: String) -> Self {
        Self { inner, redis_url }
    }

    fn is_revoked(&self, fingerprint: &str) -> redis::RedisResult<bool> {
        let client = redis::Client::open(self.redis_url.as_str())?;
        let mut conn = client.get_connection()?;
        conn.sismember("fleet:revoked-certs", fingerprint)
    }
}

impl ClientCertVerifier for RevocationAwareVerifier {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        let verified = self.inner.verify_client_cert(end_entity, intermediates, now)?;
        let fingerprint = hex::encode(Sha256::digest(end_entity.as_ref()));
        match self.is_revoked(&fingerprint) {
            Ok(false) => Ok(verified),
            Ok(true) => Err(rustls::Error::InvalidCertificate(CertificateError::Revoked)),
            Err(e) => Err(rustls::Error::General(format!("revocation check failed: {e}"))),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
