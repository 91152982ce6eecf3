"""kamlab.screening (being built)."""
