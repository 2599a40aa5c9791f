"""Record one sample's QC result in the sequencing database.

Executed by Snakemake as a separate Python process per `register_sample`
job; the connection lives for that process only and is closed on exit.
"""
import json
import logging
import os
import zipfile

import psycopg

logging.basicConfig(filename=snakemake.log[0], level=logging.INFO)
log = logging.getLogger("register_sample")

DSN = os.environ.get("SEQ_DB_DSN", "postgresql://pipeline@seqdb.internal/sequencing")


def fastqc_summary(path):
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith("summary.txt"))
        lines = zf.read(name).decode().splitlines()
    return {check: status for status, check, _ in (line.split("\t") for line in lines)}


def main(smk):
    sample = smk.wildcards.sample
    summary = fastqc_summary(smk.input[0])
    failed = sorted(k for k, v in summary.items() if v == "FAIL")

    with psycopg.connect(DSN, connect_timeout=10) as conn:
        conn.execute(
            "INSERT INTO sample_qc (run_id, sample_id, failed_checks, summary) "
            "VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (run_id, sample_id) DO UPDATE SET failed_checks = EXCLUDED.failed_checks, "
            "summary = EXCLUDED.summary",
            (smk.params.run_id, sample, failed, json.dumps(summary)),
        )
    log.info("registered %s (%d failed checks)", sample, len(failed))

    with open(smk.output[0], "w") as fh:
        json.dump({"sample": sample, "failed": failed}, fh)


main(snakemake)
