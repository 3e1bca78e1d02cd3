"""The untagged PDF engine, laid out by reportlab."""
