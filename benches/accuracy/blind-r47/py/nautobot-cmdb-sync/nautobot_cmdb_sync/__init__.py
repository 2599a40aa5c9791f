from nautobot.apps import NautobotAppConfig


class CmdbSyncConfig(NautobotAppConfig):
    name = "nautobot_cmdb_sync"
    verbose_name = "CMDB Sync"
    version = "0.3.0"
    author = "Network Automation"
    description = "Mirror devices into the ArangoDB CMDB graph and ServiceNow"
    base_url = "cmdb-sync"
    required_settings = ["arango_url", "arango_db", "servicenow_url"]
    default_settings = {"arango_db": "cmdb"}


config = CmdbSyncConfig
