"""What every writer shares: the house style, cover fitting, table layout, link safety and the
bundled font's measurements."""
