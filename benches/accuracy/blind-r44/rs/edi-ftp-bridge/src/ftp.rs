use suppaftp::FtpStream;

pub struct PartnerFtp {
    addr: String,
    user: String,
    password: String,
    stream: Option<FtpStream>,
}

impl PartnerFtp {
    pub fn from_env() -> Result<Self, std::env::VarError> {
        Ok(Self {
            addr: std::env::var("PARTNER_FTP_ADDR")?,
            user: std::env::var("PARTNER_FTP_USER")?,
            password: std::env::var("PARTNER_FTP_PASSWORD")?,
            stream: None,
        })
    }

    /// Returns the control connection, logging in again only if the partner
    /// server dropped the previous one.
    pub fn session(&mut self) -> suppaftp::FtpResult<&mut FtpStream> {
        let alive = match self.stream.as_mut() {
            Some(s) => s.noop().is_ok(),
            None => false,
        };
        if !alive {
            let mut s = FtpStream::connect(self.addr.as_str())?;
            s.login(&self.user, &self.password)?;
            s.transfer_type(suppaftp::types::FileType::Binary)?;
            self.stream = Some(s);
        }
        Ok(self.stream.as_mut().expect("just connected"))
    }
}
