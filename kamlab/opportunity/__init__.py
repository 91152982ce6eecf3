"""kamlab.opportunity (being built)."""
