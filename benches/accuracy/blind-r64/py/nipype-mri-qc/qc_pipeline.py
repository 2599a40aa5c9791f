"""Nightly T1w QC over every subject in the cohort.

    python qc_pipeline.py --cohort cohort.txt --session baseline
"""
import argparse
import os

from nipype import Function, Node, Workflow
from nipype.interfaces.utility import IdentityInterface
from pymongo import MongoClient

from qc_nodes import compute_metrics, fetch_scan, record_metrics


def build_workflow(subjects, session_label, xnat_url, work_dir):
    info = Node(IdentityInterface(fields=["subject_id"]), name="info")
    info.iterables = [("subject_id", subjects)]

    fetch = Node(
        Function(input_names=["subject_id", "session_label", "xnat_url", "work_dir"],
                 output_names=["out_file"], function=fetch_scan),
        name="fetch",
    )
    fetch.inputs.session_label = session_label
    fetch.inputs.xnat_url = xnat_url
    fetch.inputs.work_dir = work_dir

    metrics = Node(
        Function(input_names=["in_file"], output_names=["metrics"], function=compute_metrics),
        name="metrics",
    )

    record = Node(
        Function(input_names=["subject_id", "session_label", "metrics"],
                 output_names=["subject_id"], function=record_metrics),
        name="record",
    )
    record.inputs.session_label = session_label

    wf = Workflow(name="t1w_qc", base_dir=os.path.join(work_dir, "nipype"))
    wf.connect([
        (info, fetch, [("subject_id", "subject_id")]),
        (fetch, metrics, [("out_file", "in_file")]),
        (info, record, [("subject_id", "subject_id")]),
        (metrics, record, [("metrics", "metrics")]),
    ])
    return wf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cohort", required=True)
    ap.add_argument("--session", default="baseline")
    ap.add_argument("--xnat", default=os.environ.get("XNAT_URL", "https://xnat.example.org"))
    ap.add_argument("--work-dir", default="/scratch/qc")
    ap.add_argument("--procs", type=int, default=8)
    args = ap.parse_args()

    with open(args.cohort) as fh:
        subjects = [line.strip() for line in fh if line.strip()]

    wf = build_workflow(subjects, args.session, args.xnat, args.work_dir)
    wf.run(plugin="MultiProc", plugin_args={"n_procs": args.procs})

    # one-off summary after the run
    with MongoClient(os.environ["QC_MONGO_URI"]) as client:
        coll = client["imaging_qc"]["t1w_metrics"]
        flagged = coll.count_documents({"session": args.session, "snr": {"$lt": 8}})
        print(f"{len(subjects)} subjects processed, {flagged} below SNR threshold")


if __name__ == "__main__":
    main()
