"""The benchmark: synthetic proposals and ledgers, and the runner (`python bench/run.py`)."""
