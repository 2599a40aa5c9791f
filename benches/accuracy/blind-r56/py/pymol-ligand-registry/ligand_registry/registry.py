"""Commands that talk to the lab's ligand registry (Postgres) and PubChem.

Every PyMOL command call reuses the same lazily opened pool and HTTP session.
"""
import atexit
import hashlib
import os
import threading

import requests
from psycopg_pool import ConnectionPool
from pymol import cmd

DSN = os.environ.get("LIGAND_REGISTRY_DSN", "postgresql://pymol@chem-db.lab.local/registry")
PUBCHEM = "https://pubchem.ncbi.nlm.nih.gov/rest/pug"

_pool = None
_pool_lock = threading.Lock()

pubchem = requests.Session()
pubchem.headers["User-Agent"] = "pymol-ligand-registry/0.9"


def registry_pool() -> ConnectionPool:
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ConnectionPool(DSN, min_size=0, max_size=2, name="pymol-ligands")
                atexit.register(_pool.close)
    return _pool


def reg_ligand(selection="organic", project="", quiet=0):
    """
DESCRIPTION

    Register the ligand in SELECTION in the lab ligand registry.

USAGE

    reg_ligand [selection [, project ]]
    """
    if cmd.count_atoms(selection) == 0:
        print(" reg_ligand: selection is empty")
        return None
    molblock = cmd.get_str("mol", selection)
    digest = hashlib.sha1(molblock.encode()).hexdigest()
    with registry_pool().connection() as conn:
        row = conn.execute(
            "INSERT INTO ligands (molblock, sha1, project, registered_by) "
            "VALUES (%s, %s, %s, current_user) "
            "ON CONFLICT (sha1) DO UPDATE SET project = excluded.project "
            "RETURNING code",
            (molblock, digest, project or None),
        ).fetchone()
    if not int(quiet):
        print(f" reg_ligand: registered as {row[0]}")
    return row[0]


def load_ligand(code, name=None):
    """
USAGE

    load_ligand code [, name ]
    """
    with registry_pool().connection() as conn:
        row = conn.execute("SELECT molblock FROM ligands WHERE code = %s", (code,)).fetchone()
    if row is None:
        print(f" load_ligand: no ligand {code}")
        return
    cmd.read_molstr(row[0], name or code)


def pubchem_name(selection="organic"):
    """Print the PubChem preferred name for the ligand in SELECTION."""
    smiles = cmd.get_str("smi", selection).split()[0]
    resp = pubchem.get(f"{PUBCHEM}/compound/smiles/{requests.utils.quote(smiles)}/property/IUPACName/JSON",
                       timeout=10)
    if resp.status_code != 200:
        print(" pubchem_name: not found")
        return None
    name = resp.json()["PropertyTable"]["Properties"][0].get("IUPACName")
    print(f" pubchem_name: {name}")
    return name
