"""Validates a SAM template (JSON) against the SAM JSON schema (draft-04); prints every error; exit 1 when invalid."""
import json
import sys

import jsonschema

schema_path, template_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(template_path, encoding="utf-8") as f:
    template = json.load(f)
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(template), key=lambda e: list(e.absolute_path))
for error in errors:
    print("/".join(str(p) for p in error.absolute_path), ":", error.message)
sys.exit(1 if errors else 0)
