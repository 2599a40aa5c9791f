"""Function-node bodies for the QC workflow.

Nipype serialises these functions by source and re-executes them inside
the MultiProc workers, so every import has to live inside the function.
"""


def fetch_scan(subject_id, session_label, xnat_url, work_dir):
    import os

    import requests

    out_dir = os.path.join(work_dir, subject_id)
    os.makedirs(out_dir, exist_ok=True)
    out_file = os.path.join(out_dir, f"{subject_id}_{session_label}_T1w.nii.gz")
    if os.path.exists(out_file):
        return out_file

    xnat = requests.Session()
    xnat.auth = (os.environ["XNAT_USER"], os.environ["XNAT_PASSWORD"])
    url = (f"{xnat_url}/data/projects/ADNIX/subjects/{subject_id}/experiments/"
           f"{session_label}/scans/T1w/resources/NIFTI/files?format=zip")
    with xnat.get(url, stream=True, timeout=120) as resp:
        resp.raise_for_status()
        with open(out_file, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
    return out_file


def compute_metrics(in_file):
    import nibabel as nib
    import numpy as np

    img = nib.load(in_file)
    data = img.get_fdata()
    fg = data[data > np.percentile(data, 60)]
    bg = data[data <= np.percentile(data, 10)]
    snr = float(fg.mean() / (bg.std() + 1e-6))
    cjv = float((fg.std() + bg.std()) / abs(fg.mean() - bg.mean() + 1e-6))
    return {"snr": snr, "cjv": cjv, "shape": list(img.shape),
            "voxel_mm": [float(v) for v in img.header.get_zooms()[:3]]}


def record_metrics(subject_id, session_label, metrics):
    import datetime
    import os

    from pymongo import MongoClient

    client = MongoClient(os.environ["QC_MONGO_URI"], serverSelectionTimeoutMS=5000)
    coll = client["imaging_qc"]["t1w_metrics"]
    coll.update_one(
        {"subject": subject_id, "session": session_label},
        {"$set": {**metrics, "updated": datetime.datetime.utcnow()}},
        upsert=True,
    )
    return subject_id
