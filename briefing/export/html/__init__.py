"""The HTML writer: the document model becomes one self-contained, accessible web page."""
