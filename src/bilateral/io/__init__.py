"""Reading and writing: cattrs converters and the JSON, TOML and YAML formats."""
