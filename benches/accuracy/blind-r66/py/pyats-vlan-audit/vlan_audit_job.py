"""Nightly from cron on the automation VM (one pyATS run per invocation):

    pyats run job vlan_audit_job.py --testbed-file testbed.yaml
"""
import os

from pyats.easypy import run


def main(runtime):
    run(
        testscript=os.path.join(os.path.dirname(__file__), "vlan_audit.py"),
        runtime=runtime,
        taskid="vlan-audit",
    )
