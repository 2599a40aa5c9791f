import os

import inngest

inngest_client = inngest.Inngest(
    app_id="billing-sync",
    is_production=os.environ.get("INNGEST_DEV") != "1",
)
