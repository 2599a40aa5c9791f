from reviewboard.extensions.packaging import setup

PACKAGE = "rb-review-metrics"
VERSION = "0.4.0"

setup(
    name=PACKAGE,
    version=VERSION,
    description="Review Board extension: review turnaround metrics and ship-it notifications",
    author="Developer Productivity Team",
    packages=["review_metrics"],
    install_requires=[
        "SQLAlchemy>=2.0,<2.1",
        "psycopg2-binary>=2.9",
        "requests>=2.31",
    ],
    entry_points={
        "reviewboard.extensions": [
            "review_metrics = review_metrics.extension:ReviewMetricsExtension",
        ],
    },
)
