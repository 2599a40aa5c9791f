//! Job-to-VM ledger used by the capacity dashboards.

use postgres::{Client, NoTls};

pub struct Ledger {
    db: Client,
}

impl Ledger {
    /// Opened at most once per executor process (prepare or cleanup stage).
    pub fn connect(dsn: &str) -> anyhow::Result<Self> {
        let db = Client::connect(dsn, NoTls)?;
        Ok(Self { db })
    }

    pub fn record_lease(&mut self, job_id: &str, project: &str, vm_id: &str) -> anyhow::Result<()> {
        let job: i64 = job_id.parse()?;
        self.db.execute(
            "INSERT INTO fc_leases (job_id, project, vm_id, leased_at)
             VALUES ($1, $2, $3, now())
             ON CONFLICT (job_id) DO UPDATE SET vm_id = EXCLUDED.vm_id, leased_at = now()",
            &[&job, &project, &vm_id],
        )?;
        Ok(())
    }

    pub fn record_release(&mut self, job_id: &str) -> anyhow::Result<()> {
        let job: i64 = job_id.parse()?;
        let updated = self.db.execute(
            "UPDATE fc_leases SET released_at = now(),
                    seconds = extract(epoch from now() - leased_at)::int
             WHERE job_id = $1 AND released_at IS NULL",
            &[&job],
        )?;
        if updated == 0 {
            eprintln!("ledger: no open lease for job {job}");
        }
        Ok(())
    }

    pub fn close(self) -> anyhow::Result<()> {
        self.db.close()?;
        Ok(())
    }
}
