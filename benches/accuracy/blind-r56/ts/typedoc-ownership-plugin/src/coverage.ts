import pg from 'pg';

export interface CoverageSample {
  project: string;
  version: string;
  documented: number;
  undocumented: number;
}

// Runs once after the site has been rendered; one short connection per docs build.
export async function publishCoverage(connectionString: string, sample: CoverageSample): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: 'typedoc-coverage' });
  await client.connect();
  try {
    const total = sample.documented + sample.undocumented;
    const ratio = total === 0 ? 1 : sample.documented / total;
    await client.query(
      `INSERT INTO doc_coverage (project, version, documented, undocumented, ratio, built_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (project, version) DO UPDATE
          SET documented = EXCLUDED.documented,
              undocumented = EXCLUDED.undocumented,
              ratio = EXCLUDED.ratio,
              built_at = EXCLUDED.built_at`,
      [sample.project, sample.version, sample.documented, sample.undocumented, ratio],
    );
  } finally {
    await client.end();
  }
}
