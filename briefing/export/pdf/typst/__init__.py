"""The tagged PDF engine (PDF/UA-1 and PDF/A-2a), laid out by Typst."""
