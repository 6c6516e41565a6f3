"""The JSON form: the strict cattrs converter (``codec``) and the generated JSON Schema."""
