"""Fonts, the Word reference template and other files shipped inside the package."""
