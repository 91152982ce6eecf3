# Thin wrapper: the real work is in bootstrap.py (works on Windows without make).
PYTHON ?= python3

.PHONY: lab test bench
lab:
	$(PYTHON) bootstrap.py lab
test:
	$(PYTHON) bootstrap.py test
bench:
	$(PYTHON) bootstrap.py bench
