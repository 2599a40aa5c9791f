from masonite.foundation import Application, Kernel
from masonite.utils.location import base_path

from config.providers import PROVIDERS
from Kernel import Kernel as ApplicationKernel

application = Application(base_path())
application.register_providers(Kernel, ApplicationKernel)
application.register_providers(*PROVIDERS)
