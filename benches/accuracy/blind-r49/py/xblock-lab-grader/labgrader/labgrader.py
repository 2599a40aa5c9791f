"""LabGraderXBlock: students paste code, an external grader runs the tests."""
import os

import boto3
import httpx
from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock
from xblock.fields import Float, Integer, Scope, String
from xblock.utils.resources import ResourceLoader

from labgrader import grading, storage

loader = ResourceLoader(__name__)

GRADER_URL = os.environ.get("LABGRADER_URL", "https://grader.internal.example")
REPORT_BUCKET = os.environ.get("LABGRADER_REPORT_BUCKET", "edx-lab-reports")


class LabGraderXBlock(XBlock):
    display_name = String(display_name="Display name", default="Programming lab", scope=Scope.settings)
    lab_id = String(default="lab-01", scope=Scope.settings)
    max_attempts = Integer(default=3, scope=Scope.settings)
    attempts = Integer(default=0, scope=Scope.user_state)
    best_score = Float(default=0.0, scope=Scope.user_state)

    has_score = True
    icon_class = "problem"

    def student_view(self, context=None):
        history = storage.recent_submissions(self.lab_id, self.scope_ids.user_id)
        html = loader.render_django_template(
            "static/html/labgrader.html", {"self": self, "history": history}
        )
        frag = Fragment(html)
        frag.add_javascript_url(self.runtime.local_resource_url(self, "public/labgrader.js"))
        frag.initialize_js("LabGraderXBlock", {"attemptsLeft": self.max_attempts - self.attempts})
        return frag

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        if self.attempts >= self.max_attempts:
            return {"ok": False, "error": "No attempts left"}

        source = data.get("source", "")
        client = httpx.Client(base_url=GRADER_URL, timeout=60.0)
        resp = client.post("/v1/grade", json={"lab": self.lab_id, "source": source})
        if resp.status_code != 200:
            return {"ok": False, "error": f"grader unavailable ({resp.status_code})"}
        result = resp.json()

        score = grading.normalise(self.lab_id, result)
        self.attempts += 1
        self.best_score = max(self.best_score, score)
        self.runtime.publish(self, "grade", {"value": self.best_score, "max_value": 1.0})
        storage.save_submission(self.lab_id, self.scope_ids.user_id, source, score, result.get("feedback", ""))
        return {"ok": True, "score": score, "attemptsLeft": self.max_attempts - self.attempts}

    @XBlock.handler
    def download_report(self, request, suffix=""):
        key = f"{self.lab_id}/{self.scope_ids.user_id}/report.html"
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        url = s3.generate_presigned_url(
            "get_object", Params={"Bucket": REPORT_BUCKET, "Key": key}, ExpiresIn=300
        )
        return Response(status=302, location=url)

    @staticmethod
    def workbench_scenarios():
        return [("LabGraderXBlock", "<labgrader lab_id='lab-01'/>")]
