#!/bin/sh
set -e
torch-model-archiver --model-name reranker --version 1.4 \
  --handler handler.py --extra-files clients.py \
  --config-file model-config.yaml --export-path model_store --force
