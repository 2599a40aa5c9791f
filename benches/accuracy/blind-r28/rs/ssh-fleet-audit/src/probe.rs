use openssh::{KnownHosts, Session};

pub struct HostReport {
    pub hostname: String,
    pub kernel: String,
    pub packages: Vec<(String, String)>,
}

/// One ssh master connection per host per run; closed before returning.
pub async fn probe_host(host: &str) -> Result<HostReport, openssh::Error> {
    let session = Session::connect(host, KnownHosts::Strict).await?;

    let hostname = session.command("hostname").arg("-f").output().await?;
    let kernel = session.command("uname").arg("-r").output().await?;
    let packages = session
        .command("dpkg-query")
        .args(["-W", "-f=${Package} ${Version}\\n"])
        .output()
        .await?;
    session.close().await?;

    let packages = String::from_utf8_lossy(&packages.stdout)
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(name, version)| (name.to_string(), version.to_string()))
        .collect();

    Ok(HostReport {
        hostname: String::from_utf8_lossy(&hostname.stdout).trim().to_string(),
        kernel: String::from_utf8_lossy(&kernel.stdout).trim().to_string(),
        packages,
    })
}
