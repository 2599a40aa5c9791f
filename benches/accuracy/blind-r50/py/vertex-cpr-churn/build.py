"""One-off: build the CPR serving image and push it (run from CI)."""
import sys

from google.cloud.aiplatform.prediction import LocalModel

sys.path.insert(0, "src")
from predictor import ChurnPredictor  # noqa: E402

IMAGE = "europe-west4-docker.pkg.dev/acme-ml/serving/churn-cpr:latest"


def main() -> None:
    local_model = LocalModel.build_cpr_model(
        "src",
        IMAGE,
        predictor=ChurnPredictor,
        requirements_path="src/requirements.txt",
    )
    local_model.push_image()


if __name__ == "__main__":
    main()
