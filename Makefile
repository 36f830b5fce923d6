check:
	ruff check factcheck tests scripts benchmarks
	mypy factcheck scripts benchmarks
	python -m pytest -q

golden:
	FACTCHECK_REFRESH_GOLDEN=1 python -m pytest -q tests/test_formats.py
	git diff --stat tests/golden

bench:
	python benchmarks/run.py

catalogs:
	pybabel compile -d factcheck/locale -D factcheck

docs:
	python scripts/rule_docs.py

.PHONY: check golden bench catalogs docs
