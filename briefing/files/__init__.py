"""Files on disk: written safely (safe_write), what a file held when read (on_disk), output names
from the pack title (naming), and the files shipped with Briefing (shipped)."""
