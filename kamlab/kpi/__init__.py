"""kamlab.kpi (being built)."""
