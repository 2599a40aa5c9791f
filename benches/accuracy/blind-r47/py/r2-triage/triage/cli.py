import argparse
import hashlib
import logging
import os
from pathlib import Path

import r2pipe
import requests

from .store import connect_clickhouse, open_cases_db

log = logging.getLogger("triage")

SANDBOX_URL = os.environ.get("SANDBOX_URL", "https://sandbox.re.internal/api/v1")


def analyse(path):
    r2 = r2pipe.open(str(path), flags=["-2"])
    try:
        r2.cmd("aaa")
        info = r2.cmdj("ij") or {}
        funcs = r2.cmdj("aflj") or []
        imports = r2.cmdj("iij") or []
    finally:
        r2.quit()
    return {
        "arch": info.get("bin", {}).get("arch", "?"),
        "format": info.get("core", {}).get("format", "?"),
        "functions": len(funcs),
        "imports": sorted({i.get("name", "") for i in imports}),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Batch triage of a malware drop folder")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--case", required=True)
    parser.add_argument("--submit", action="store_true", help="also submit unknown samples to the sandbox")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    ch = connect_clickhouse()
    try:
        with open_cases_db() as cases, requests.Session() as http:
            http.headers["X-Api-Key"] = os.environ.get("SANDBOX_KEY", "")
            for path in sorted(p for p in args.folder.rglob("*") if p.is_file()):
                sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
                report = analyse(path)
                ch.insert(
                    "samples",
                    [[sha256, args.case, path.name, report["arch"], report["format"], report["functions"], report["imports"]]],
                    column_names=["sha256", "case_id", "file_name", "arch", "format", "functions", "imports"],
                )
                cases.execute(
                    "INSERT INTO case_samples (case_id, sha256, file_name) VALUES (%s, %s, %s) "
                    "ON CONFLICT DO NOTHING",
                    (args.case, sha256, path.name),
                )
                if args.submit:
                    with path.open("rb") as fh:
                        http.post(f"{SANDBOX_URL}/submit", files={"file": (path.name, fh)}, timeout=60)
                log.info("%s %s %s", sha256[:12], report["arch"], path.name)
    finally:
        ch.close()


if __name__ == "__main__":
    main()
