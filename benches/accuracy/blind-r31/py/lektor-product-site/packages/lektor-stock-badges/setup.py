from setuptools import setup

setup(
    name="lektor-stock-badges",
    version="0.3.0",
    py_modules=["lektor_stock_badges"],
    install_requires=["SQLAlchemy>=2.0,<2.1", "psycopg2-binary>=2.9", "requests>=2.31"],
    entry_points={"lektor.plugins": ["stock-badges = lektor_stock_badges:StockBadgesPlugin"]},
)
