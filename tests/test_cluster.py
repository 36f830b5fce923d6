"""Clustering: which figures are taken to speak of the same thing."""

from __future__ import annotations

from factcheck.cluster import cluster_claims


def _metrics(claims, lexicon) -> list[list[str]]:
    known = {m.id for m in lexicon.metrics}
    return sorted(sorted(c.text for c in cluster.claims) for cluster in cluster_claims(claims, known))


def test_segments_of_one_total_are_never_merged(claims_of, lexicon):
    found = claims_of(
        "Dari total 40 juta peserta tersebut, 26 juta di antaranya pekerja penerima upah (PU) "
        "dan 7 juta pekerja bukan penerima upah (BPU)."
    )
    groups = _metrics(found, lexicon)
    assert ["26 juta"] in groups and ["7 juta"] in groups


def test_a_typo_in_a_long_word_is_the_same_metric(claims_of, lexicon):
    found = claims_of("Program ini menjangkau 240 koperasi pada 2023. Program itu menjangkau 260 koprasi pada 2023.")
    assert ["240", "260"] in _metrics(found, lexicon)


def test_an_action_named_before_or_after_its_object_is_one_metric(claims_of, lexicon):
    # "penyaluran kredit" and "kredit yang disalurkan" count the same rupiah; "penjualan" is no "produksi"
    found = claims_of(
        "Penyaluran kredit perbankan hingga Juni 2024 mencapai Rp 7.478 triliun.\n\n"
        "Kredit perbankan yang disalurkan hingga Juni 2024 tercatat Rp 7.748 triliun.\n\n"
        "Penjualan mobil pada Juni 2024 mencapai 72.900 unit, sedangkan produksi mobil 82.900 unit."
    )
    groups = _metrics(found, lexicon)
    assert ["Rp 7.478 triliun", "Rp 7.748 triliun"] in groups
    assert ["72.900"] in groups and ["82.900"] in groups
