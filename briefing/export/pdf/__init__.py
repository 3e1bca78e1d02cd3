"""The PDF: two engines (typst: tagged; reportlab: untagged) and two-up printing for either."""
