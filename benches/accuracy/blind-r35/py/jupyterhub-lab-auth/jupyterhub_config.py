import os

from labauth.authenticator import LabDirectoryAuthenticator
from labauth.hooks import pre_spawn_hook

c = get_config()  # noqa: F821

c.JupyterHub.authenticator_class = LabDirectoryAuthenticator
c.LabDirectoryAuthenticator.directory_url = os.environ["LAB_DIRECTORY_URL"]
c.LabDirectoryAuthenticator.directory_token = os.environ["LAB_DIRECTORY_TOKEN"]
c.LabDirectoryAuthenticator.db_dsn = os.environ["HUB_AUDIT_DSN"]
c.LabDirectoryAuthenticator.enable_auth_state = True
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.Spawner.pre_spawn_hook = pre_spawn_hook
c.Spawner.default_url = "/lab"
