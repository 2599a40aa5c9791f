+ MAYAVERSION:2025 asset_tracker 1.2.0 .
PYTHONPATH+:=scripts/vendor
ASSET_DB_URL=postgresql+psycopg2://maya@assets.studio.lan/assets
REVIEW_API_URL=https://review.studio.lan/api
