"""An archive with many values for one figure gets one finding per value, not one per pair."""

from __future__ import annotations

from factcheck.check import Options, run_check


def test_many_values_are_each_compared_with_the_best_supported_one(write):
    files = {}
    for number in range(10):
        value = f"3{number},5" if number else "35,5"
        files[f"a{number}.md"] = (
            f"---\npublished: 2024-0{1 + number % 9}-10\noutlet: Outlet {number}\n---\n"
            f"Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan tercatat {value} juta pekerja.\n"
        )
    files["b.md"] = (
        "---\npublished: 2024-02-20\noutlet: Outlet B\n---\n"
        "Per Desember 2023, peserta aktif BPJS Ketenagakerjaan sebanyak 35,5 juta orang.\n"
    )
    report = run_check([str(write(files))], Options())
    conflicts = [f for f in report.findings if f.rule == "FC101"]
    # 31,5 to 39,5 juta: nine values, 35,5 juta stated by three outlets; eight findings, not 36 pairs
    assert len(conflicts) == 8
    assert all("35,5 juta" in f.message for f in conflicts)
