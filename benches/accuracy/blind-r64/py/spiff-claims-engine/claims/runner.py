"""Automated claim triage.

Claims arrive on a Redis list from the intake API; each one gets a fresh
BPMN workflow instance that runs to completion (all script tasks and
gateways, no user tasks).

    python -m claims.runner
"""
import json
import logging
import os
from pathlib import Path

import redis
from SpiffWorkflow.bpmn.parser import BpmnParser
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

from claims import services

log = logging.getLogger("claims.runner")

BPMN_FILE = Path(__file__).with_name("claim_review.bpmn")
PROCESS_ID = "claim_review"
QUEUE = "claims:triage"

script_engine = PythonScriptEngine(environment=TaskDataEnvironment({
    "lookup_policy": services.lookup_policy,
    "prior_claims": services.prior_claims,
    "fraud_score": services.fraud_score,
    "save_decision": services.save_decision,
}))

parser = BpmnParser()
parser.add_bpmn_file(str(BPMN_FILE))
SPEC = parser.get_spec(PROCESS_ID)
SUBPROCESSES = parser.get_subprocess_specs(PROCESS_ID)

queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def triage(claim: dict) -> dict:
    workflow = BpmnWorkflow(SPEC, SUBPROCESSES, script_engine=script_engine)
    start = workflow.get_tasks_from_spec_name("StartEvent_1")[0]
    start.data["claim"] = claim
    workflow.do_engine_steps()
    if not workflow.is_completed():
        raise RuntimeError(f"claim {claim['id']} left the workflow waiting")
    return workflow.data


def main():
    logging.basicConfig(level=logging.INFO)
    while True:
        item = queue.blpop([QUEUE], timeout=30)
        if item is None:
            continue
        claim = json.loads(item[1])
        try:
            data = triage(claim)
            log.info("claim %s -> %s", claim["id"], data.get("decision"))
        except Exception:
            log.exception("claim %s failed, parking it", claim.get("id"))
            queue.rpush(QUEUE + ":failed", item[1])


if __name__ == "__main__":
    main()
