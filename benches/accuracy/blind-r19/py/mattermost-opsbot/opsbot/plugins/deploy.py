import requests
from mmpy_bot import Message, Plugin, listen_to

from opsbot import cache, settings

ALLOWED_ENVS = {"staging", "production"}


class DeployPlugin(Plugin):
    @listen_to(r"^deploy (\S+) to (\S+)$")
    def deploy(self, message: Message, service: str, env: str):
        if env not in ALLOWED_ENVS:
            self.driver.reply_to(message, f"Unknown environment `{env}`.")
            return

        jenkins = requests.Session()
        jenkins.auth = (settings.JENKINS_USER, settings.JENKINS_TOKEN)
        crumb = jenkins.get(f"{settings.JENKINS_URL}/crumbIssuer/api/json", timeout=10).json()
        jenkins.headers[crumb["crumbRequestField"]] = crumb["crumb"]
        resp = jenkins.post(
            f"{settings.JENKINS_URL}/job/deploy-{service}/buildWithParameters",
            params={"ENV": env, "REQUESTED_BY": message.sender_name},
            timeout=10,
        )
        resp.raise_for_status()
        queue_url = resp.headers.get("Location", "")
        cache.remember_deploy(service, env, queue_url)
        self.driver.reply_to(message, f":rocket: Queued deploy of `{service}` to *{env}* ({queue_url})")
