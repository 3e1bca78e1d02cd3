"""A pack's issued versions: the history folder beside the pack, issuing and rebuilding."""
