from opsbot.plugins.deploy import DeployPlugin
from opsbot.plugins.oncall import OnCallPlugin
from opsbot.plugins.status import StatusPlugin

__all__ = ["DeployPlugin", "OnCallPlugin", "StatusPlugin"]
