"""kamlab.rootcause (being built)."""
