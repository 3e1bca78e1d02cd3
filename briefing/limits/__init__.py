"""What a user's input may be, checked before anything parses it: files read with a cap
(reading), zip packages (archives), pictures (pictures), the logo and Word template a pack names
(layout_files), the characters text may hold (characters) and how deep YAML may nest
(yaml_depth)."""
