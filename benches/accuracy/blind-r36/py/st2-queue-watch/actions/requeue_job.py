import requests
from st2common.runners.base_action import Action


class RequeueJob(Action):
    def run(self, job_id, api_url):
        resp = requests.post(
            "%s/jobs/%s/requeue" % (api_url.rstrip("/"), job_id),
            json={"reason": "stale (st2 queue_watch)"},
            timeout=15,
        )
        if resp.status_code == 409:
            return (False, "job %s already finished" % job_id)
        resp.raise_for_status()
        return (True, resp.json())
