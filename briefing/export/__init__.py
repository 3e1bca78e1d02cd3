"""Writers: document model -> .docx and PDF files, written safely."""
