"""UK conventions decided in one place: dates (dates), kind labels and the marking statement
(labels), counts and lists in words (wording)."""
