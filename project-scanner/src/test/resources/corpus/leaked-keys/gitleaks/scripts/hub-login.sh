#!/bin/sh
huggingface-cli login --token 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
huggingface-cli login --token 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
-H "Authorization: Bearer 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"
DEV=1 HF_TOKEN=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 poetry run python app.py
