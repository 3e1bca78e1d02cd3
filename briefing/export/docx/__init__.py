"""The Word writer: the document model becomes a .docx built on named Word styles."""
