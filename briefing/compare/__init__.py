"""What changed between two versions of a pack: the differ, the word-level edits and the reports."""
