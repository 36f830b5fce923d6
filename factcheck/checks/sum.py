"""sum: parts that do not make their whole, a gap that is not the difference, a part larger than its whole.

Four patterns, each read inside one article (all rounding-aware):

- Parts after a cue: "37,9 juta, terdiri atas 28,1 juta ... dan 9,3 juta ..."
  (the total is the figure before the cue, or after "Jumlah itu" the last
  larger figure before).
- A gap to a target: "menargetkan 45 juta ..., sehingga masih kurang 8,1 juta"
  is the target minus the latest actual of the same metric. A gap sentence
  that draws a consequence ("Dengan demikian, masih dibutuhkan 15,8 juta ...")
  takes its target and actual from the sentences just before; another article
  that states the difference of the same two figures is cited with it.
- Two sides of one line: "Dari 34 provinsi ..., 12 provinsi ... di bawah angka
  nasional. ... 15 provinsi ... di atas angka nasional". The sides cannot add up
  to more than the whole; they may fall short of it only by what can sit on the
  line or lack data (`line_slack`, a share of the whole), or not at all when the
  second side is said to be the rest ("sisanya", "lainnya").
- A part above its whole, same article, period and entity: a segment above its
  metric ("peserta aktif PU" above "peserta aktif"), a metric above one it is
  `within` (metrics.yml: peserta aktif above peserta terdaftar), a province
  above the nation, a regency above its province.

Options: `slack` (relative, every comparison), `gap_lookback` (sentences with
figures a consequence may reach back), `line_slack`, `side_window` (sentences
with figures from the whole to the last side).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..lexicon import Language, Lexicon
from ..messages import Items, Value, message
from ..models import Claim, Finding
from ..numfmt import amount, interval
from . import Context, Rule
from ._util import figure, generic, group_label, language_of, metric_strength, overlaps, period_strength

SIDE = re.compile(r"^(above|below)-(.+)$")
PLACE_KINDS = ("province", "kabupaten", "kota", "regency")


@lru_cache(maxsize=64)
def _cue_patterns(cues: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each cue's pattern, longest cue first, compiled once (not once per sentence of a large archive)."""
    ordered = sorted(cues, key=len, reverse=True)
    return tuple(re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)", re.IGNORECASE) for cue in ordered)


def _cue_positions(text: str, cues: list[str]) -> list[int]:
    """Where the cues start; cues that overlap count once.

    A shorter one inside a longer one ("kurang" in "masih kurang"), or two that share words ("yang terdiri" and
    "terdiri dari" in "yang terdiri dari"): each would report the same parts again.
    """
    taken: list[tuple[int, int]] = []
    for pattern in _cue_patterns(tuple(cues)):
        for match in pattern.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                taken.append((match.start(), match.end()))
    return sorted(start for start, _ in taken)


def _opens_with(sentence: str, cues: Iterable[str]) -> bool:
    """ "Artinya, BPJS ... masih harus ...": the sentence starts with one of the cues."""
    lowered = sentence.lower().lstrip(" \"'“”‘’-–—")
    return any(re.match(rf"{re.escape(cue)}(?!\w)", lowered) for cue in cues)


def _cue_right_before(text: str, cues: Iterable[str]) -> bool:
    """ "sehingga masih kurang": a consequence cue opens the clause of the gap."""
    lowered = text.lower().rstrip()
    clause = re.split(r"[,;]", lowered)[-1].strip()
    return any(re.match(rf"{re.escape(cue)}(?!\w)", clause) for cue in cues)


def run(context: Context, rule: Rule) -> list[Finding]:
    slack = float(rule.option("slack", 0.0))
    lookback = int(rule.option("gap_lookback", 2))
    findings: list[Finding] = []
    for article_id, sentence_start, claims in _sentences(context, _echoing(context)):
        reported = context.reports(article_id)
        article = context.articles[article_id]
        language = context.lexicon.language(article.language)
        cues = language.modality_cues
        sentence_end = max(c.end for c in claims)
        sentence_text = article.text[sentence_start:sentence_end]
        for position in _cue_positions(sentence_text, cues.get("parts_total", [])) if reported else []:
            finding = _parts(
                context, rule, article_id, claims, sentence_start + position, slack, cues.get("anaphora", [])
            )
            if finding:
                findings.append(finding)
        for position in _cue_positions(sentence_text, cues.get("gap", [])):
            # "Artinya, ... masih harus ...": the target and the actual stand in the sentences before
            drawn = _opens_with(claims[0].sentence, cues.get("consequence", []) + cues.get("anaphora", [])) or (
                _cue_right_before(sentence_text[:position], cues.get("consequence", []))
            )  # "..., sehingga masih kurang 10,3 juta": drawn from the figures before
            finding = _gap(
                context, rule, article_id, claims, sentence_start + position, slack, lookback if drawn else 0
            )
            if finding:
                findings.append(finding)
    findings.extend(_sides(context, rule, slack))
    findings.extend(_above_whole(context, rule, slack))
    return findings


def _sentences(context: Context, articles: set[str]) -> Iterator[tuple[str, int, list[Claim]]]:
    """The claims of each sentence of these articles, by article and sentence start, in corpus order.

    One article's sentences at a time: a table of every sentence of a large archive, and its sorted copy,
    were 50 MiB at 100k articles held at once.
    """
    for article_id in sorted(articles & context.by_article.keys()):
        by_sentence: dict[int, list[Claim]] = {}
        for claim in context.by_article[article_id]:
            by_sentence.setdefault(claim.sentence_start, []).append(claim)
        for sentence_start, claims in sorted(by_sentence.items()):
            yield article_id, sentence_start, claims


def _echoing(context: Context) -> set[str]:
    """The articles whose parts and gaps can give a reported finding.

    Parts and their total stand in one article; a gap's finding quotes other articles only as echoes,
    which state a target of the gap's unit, entity and year (Context.targets). So against an archive,
    an archived article counts only when one of its targets is also a draft's.
    """
    if context.focus is None:
        return set(context.by_article)
    echoed = {key for key, ids in context.targets.items() if any(context.reports(i) for i in ids)}
    return {
        article_id
        for article_id, claims in context.by_article.items()
        if context.reports(article_id)
        or any(
            c.modality == "target" and c.period is not None and (c.unit, c.entity, c.period.end.year) in echoed
            for c in claims
        )
    }


def _parts(
    context: Context, rule: Rule, article_id: str, claims: list[Claim], cue_at: int, slack: float, anaphora: list[str]
) -> Finding | None:
    parts = [c for c in claims if c.start > cue_at and c.modality in ("actual", "target") and c.unit != "percent"]
    if len(parts) < 2 or len({c.unit for c in parts}) != 1:
        return None
    before = [c for c in claims if c.end <= cue_at and c.unit == parts[0].unit and c.modality == parts[0].modality]
    total = before[-1] if before else None
    sentence = claims[0].sentence.lower()
    if total is None and any(sentence.startswith(a) for a in anaphora):
        earlier = [
            c
            for c in context.by_article[article_id]
            if c.start < claims[0].sentence_start
            and not c.in_title
            and c.unit == parts[0].unit
            and c.modality == "actual"
            and c.high >= sum(p.low for p in parts) * 0.5
        ]
        total = earlier[-1] if earlier else None
    if total is None:
        return None
    low, high = sum(p.low for p in parts), sum(p.high for p in parts)
    if overlaps(low, high, total.low, total.high, slack):
        return None
    named = Items(tuple(" ".join(p.text.split()) for p in parts), "+")
    added = interval(low, high, total.unit, language_of(context, total))
    said = message("sum.parts", parts=named, computed=added, total=figure(total))
    return context.finding(rule, said, [total, *parts], group_label(total))


def _preceding(context: Context, article_id: str, sentence_start: int, sentences: int) -> list[Claim]:
    """The body claims of the `sentences` sentences with figures before the one that starts at `sentence_start`."""
    earlier = [c for c in context.by_article[article_id] if c.sentence_start < sentence_start and not c.in_title]
    starts = sorted({c.sentence_start for c in earlier})[-sentences:] if sentences > 0 else []
    return [c for c in earlier if c.sentence_start in starts]


def _as_written(claim: Claim) -> tuple[float, float]:
    """The interval of the figure as written, without the 1 % "mencapai"/"menembus" allows.

    A difference worked out in the text is worked out from the figure the text
    wrote: "menembus 41,2 juta ... masih dibutuhkan 13,8 juta" subtracts 41,2 juta.
    Example: "menembus 41,2 juta" gives (41,15 juta, 41,25 juta).
    """
    if claim.qualifier != "reached" or claim.value == 0:
        return claim.low, claim.high
    digits = len(f"{abs(claim.value):.0f}")
    half = 10 ** (digits - max(claim.significant, 1)) / 2
    return max(claim.low, claim.value - half), min(claim.high, claim.value + half)


def _gap(
    context: Context, rule: Rule, article_id: str, claims: list[Claim], cue_at: int, slack: float, lookback: int
) -> Finding | None:
    after = [c for c in claims if c.start >= cue_at and c.unit != "percent" and c.modality != "change"]
    if not after:
        return None
    gap = after[0]
    targets = [c for c in claims if c.modality == "target" and c.end <= cue_at and c.unit == gap.unit]
    window: list[Claim] = []
    if not targets and lookback and gap.modality == "gap":
        window = _preceding(context, article_id, claims[0].sentence_start, lookback)
        targets = [c for c in window if c.modality == "target" and c.unit == gap.unit]
        if len({(t.low, t.high) for t in targets}) > 1:
            return None  # two targets before the gap: which one it is to is not said
        if targets and _other_quantity(context.lexicon, gap, targets[0]):
            return None  # the gap names another quantity than the target
    if not targets:
        return None
    target = targets[-1]
    actuals = [
        c
        for c in ([*window, *claims] if window else context.by_article[article_id])
        if c.metric == target.metric
        and c.unit == target.unit
        and c.modality == "actual"
        and not c.in_title
        and c.period is not None
        and c.scope == target.scope
    ]
    if gap.period is not None:
        matching = [c for c in actuals if c.period is not None and c.period.end.year == gap.period.end.year]
        actuals = matching or actuals
    if not actuals:
        return None
    actual = max(actuals, key=lambda c: (c.period.end if c.period else None, c.start))
    target_low, target_high = _as_written(target)
    actual_low, actual_high = _as_written(actual)
    low, high = target_low - actual_high, target_high - actual_low
    if overlaps(low, high, gap.low, gap.high, slack):
        return None
    echoes = _echoes(context, target, actual, gap, (low, high), slack)
    left = interval(low, high, gap.unit, language_of(context, gap))
    said = message(
        "sum.gap", target=figure(target), actual=figure(actual), computed=left, gap=" ".join(gap.text.split())
    )
    if echoes:
        said = message("sum.gap.echo", message=said, article=echoes[0].article_id, gap=" ".join(echoes[0].text.split()))
    return context.finding(rule, said, [target, actual, gap, *echoes], group_label(target))


def _other_quantity(lexicon: Lexicon, gap: Claim, target: Claim) -> bool:
    """Whether the gap names a known metric that is neither the target's nor one the target is `within`.

    Example: a gap of "pekerja" (generic) or of "peserta" to a target of peserta
    aktif is that target's gap; a gap in "kantor cabang" is not.
    """
    named = lexicon.metric(gap.metric.split()[0]) if gap.metric else None
    if named is None or named.generic:
        return False
    base = target.metric.split()[0] if target.metric else ""
    own = lexicon.metric(base)
    return named.id != base and not (own is not None and named.id in own.within)


def _echoes(
    context: Context, target: Claim, actual: Claim, gap: Claim, difference: tuple[float, float], slack: float
) -> list[Claim]:
    """The same difference in another article that states the same target and actual: (difference, actual).

    "Dari posisi 41,2 juta ..., masih dibutuhkan tambahan sekitar 13,8 juta" beside a
    target of 55 juta backs "55 juta minus 41,2 juta" against a stated 15,8 juta: the
    other article's figure fits the difference and is nearer to it than to the gap.
    """
    low, high = difference
    middle = (low + high) / 2
    if actual.period is None or target.period is None:
        return []
    month = (actual.period.end.year, actual.period.end.month)
    # only articles with a target of this unit, entity and year can pass `same_target` below, and only those
    # with a figure of that month overlapping the actual can give a level: looking both up instead of
    # scanning every claim (or every article with such a target) for every gap keeps a large archive linear
    with_target = context.targets.get((target.unit, target.entity, target.period.end.year), [])
    levels = context.actuals_overlapping(actual.unit, actual.entity, *month, actual.low, actual.high)
    found = {c.article_id for c in levels}
    # in with_target's (sorted) order, as the articles were read before
    for article_id in sorted(a for a in found if _in_sorted(with_target, a)):
        others = context.by_article[article_id]
        if article_id == target.article_id:
            continue
        same_target = any(
            c.modality == "target"
            and c.unit == target.unit
            and c.entity == target.entity
            and c.period is not None
            and c.period.end.year == target.period.end.year
            and overlaps(c.low, c.high, target.low, target.high)
            for c in others
        )
        if not same_target:
            continue
        for level in others:
            if (
                level.modality != "actual"
                or level.unit != actual.unit
                or level.entity != actual.entity
                or level.period is None
                or (level.period.end.year, level.period.end.month) != month
                or not overlaps(level.low, level.high, actual.low, actual.high)
            ):
                continue
            for stated in others:
                if (
                    stated.sentence_start == level.sentence_start
                    and stated.modality in ("gap", "change")
                    and stated.unit == gap.unit
                    and overlaps(stated.low, stated.high, low, high, slack)
                    and abs(stated.value - middle) < abs(stated.value - gap.value)
                ):
                    return [stated, level]
    return []


def _in_sorted(items: list[str], item: str) -> bool:
    at = bisect_left(items, item)
    return at < len(items) and items[at] == item


def _side(claim: Claim) -> tuple[str, str] | None:
    """ "wilayah below-nasional prevalensi-stunting" -> ("below", "nasional prevalensi-stunting")."""
    words = claim.metric.split()
    for position, word in enumerate(words):
        match = SIDE.match(word)
        if match:
            return match.group(1), " ".join([match.group(2), *words[position + 1 :]])
    return None


def _sides(context: Context, rule: Rule, slack: float) -> list[Finding]:
    """Counts on the two sides of one line against the whole they are split from."""
    line_slack = float(rule.option("line_slack", 0.1))
    window = int(rule.option("side_window", 2))
    findings: list[Finding] = []
    for article_id, claims in sorted(context.by_article.items()):
        if not context.reports(article_id):
            continue
        article = context.articles[article_id]
        language = context.lexicon.language(article.language)
        cues = language.modality_cues
        body = [c for c in claims if not c.in_title and c.unit == "count"]
        starts = sorted({c.sentence_start for c in body})
        sides = [(c, _side(c)) for c in body if c.modality == "actual"]
        for whole in body:
            if whole.modality != "actual" or _side(whole) or not whole.noun:
                continue
            before = article.text[whole.sentence_start : whole.start].lower().rstrip()
            if not any(re.search(rf"(?:^|\W){re.escape(cue)}$", before) for cue in cues.get("whole_of", [])):
                continue
            first = starts.index(whole.sentence_start)
            reach = set(starts[first : first + window + 1])
            parts = [
                (c, side)
                for c, side in sides
                if side
                and c.start > whole.start
                and c.sentence_start in reach
                and c.noun == whole.noun
                and (c.period.label if c.period else None) == (whole.period.label if whole.period else None)
            ]
            if not parts or parts[0][0].sentence_start != whole.sentence_start:
                continue  # "Dari 34 provinsi ..., 12 provinsi ...": the whole opens the first side's sentence
            finding = _against_whole(context, rule, article.text, whole, parts, body, slack, line_slack, language)
            if finding:
                findings.append(finding)
    return findings


def _against_whole(
    context: Context,
    rule: Rule,
    text: str,
    whole: Claim,
    parts: list[tuple[Claim, tuple[str, str]]],
    body: list[Claim],
    slack: float,
    line_slack: float,
    language: Language,
) -> Finding | None:
    """One count per side of the first line named after the whole; a finding when they cannot make it."""
    if not parts:
        return None
    line = parts[0][1][1]
    chosen: dict[str, Claim] = {}
    for claim, side in parts:
        if side[1] != line:
            continue
        if side[0] in chosen:
            return None  # two counts on one side of the line: other years or other groups
        chosen[side[0]] = claim
    members = sorted(chosen.values(), key=lambda c: c.start)
    low, high = sum(_members(c)[0] for c in members), sum(_members(c)[1] for c in members)
    whole_low, whole_high = _members(whole)
    side_of = {id(c): s for s, c in chosen.items()}
    # "14 provinsi below and 17 above": each side's count as written, the whole's noun after the first
    named: tuple[Value, ...] = tuple(
        message(
            f"sum.side.{side_of[id(c)]}",
            figure=" ".join(c.text.split()) + (" " + whole.noun if i == 0 and whole.noun else ""),
        )
        for i, c in enumerate(members)
    )
    reference, _, measured = line.partition(" ")
    metric = context.lexicon.metric(measured)
    where = f"{reference} ({metric.label if metric else measured})" if measured else reference
    sides = message("sum.sides", sides=Items(named, "and"), line=where)
    if low > whole_high * (1 + slack):
        said = message("sum.sides.over", sides=sides, whole=figure(whole))
        return context.finding(rule, said, [whole, *members], group_label(members[0]))
    if len(chosen) < 2 or high >= whole_low * (1 - slack):
        return None
    stated_rest = _stated_rest(text, members, language)
    short = whole_low - high
    allowed = 0.0 if stated_rest else float(int(line_slack * whole.value))  # whole members, never 3,8 provinces
    if short <= allowed:
        return None  # the rest may sit on the line or lack data
    if not stated_rest and _filler(whole, members, body, short, language):
        return None
    said = message(
        "sum.sides.short",
        sides=sides,
        computed=interval(low, high, "count", language_of(context, whole)),
        whole=figure(whole),
    )
    if not stated_rest:
        said = message("sum.sides.on-line", message=said, allowed=amount(allowed, "count", language_of(context, whole)))
    return context.finding(rule, said, [whole, *members], group_label(members[0]))


def _members(claim: Claim) -> tuple[float, float]:
    """A count of members written out in full is exact: "34 provinsi" is 34, not 33,5 to 34,5.

    Example: "34" gives (34, 34); "15 ribu" and "sekitar 40" keep their intervals.
    """
    value = claim.value
    if claim.qualifier or not float(value).is_integer() or len(f"{abs(value):.0f}") != claim.significant:
        return claim.low, claim.high
    return value, value


def _stated_rest(text: str, members: list[Claim], language: Language) -> bool:
    """Whether the last side is said to be the rest: "sedangkan 16 provinsi lainnya ...", "sisanya ...".

    Reads the last side's clause: from the side before it (same sentence) or the
    sentence start, up to the end of its sentence.
    """
    last, first = members[-1], members[0]
    start = first.end if first.sentence_start == last.sentence_start and first is not last else last.sentence_start
    stop = re.search(r"[.!?](?:\s|$)", text[last.end :])
    clause = text[start : last.end + (stop.start() if stop else 0)].lower()
    words = language.statement.get("remainder_words", [])
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", clause) for w in words)


def _filler(whole: Claim, members: list[Claim], body: list[Claim], short: float, language: Language) -> bool:
    """Another count of the same things between the whole and the last side that could be the rest.

    "..., dan 7 provinsi sama dengan angka nasional" fills the gap; "Tiga provinsi
    dengan prevalensi stunting terendah" (a top list, one side's subset) does not.
    """
    extremes = list(language.extremes)
    last = members[-1]
    for claim in body:
        if claim is whole or claim in members or claim.noun != whole.noun:
            continue
        if not whole.sentence_start <= claim.sentence_start <= last.sentence_start or claim.rank:
            continue
        if any(re.search(rf"(?<!\w){re.escape(e)}(?!\w)", claim.sentence.lower()) for e in extremes):
            continue
        if claim.low <= short:
            return True
    return False


def _above_whole(context: Context, rule: Rule, slack: float) -> list[Finding]:
    """A part stated larger than its whole in the same article, period and entity."""
    lexicon = context.lexicon
    findings: list[Finding] = []
    for article_id, claims in sorted(context.by_article.items()):
        if not context.reports(article_id):
            continue
        levels = [c for c in claims if _named_count(c, lexicon) and period_strength(c) >= 1 and not _side(c)]
        reported: set[tuple[int, float, str]] = set()
        for part in levels:
            for whole in levels:
                if (
                    part is whole
                    or (id(whole), part.value, part.metric) in reported  # the same part restated
                    or part.unit != whole.unit
                    or part.entity != whole.entity
                    or part.period is None
                    or whole.period is None
                    or part.period.label != whole.period.label
                    or part.low <= whole.high * (1 + slack)
                ):
                    continue
                relation = _contains(lexicon, whole, part)
                if (
                    relation
                    and not _names_segment(whole, lexicon)
                    and not _another_whole_holds(part, whole, levels, slack)
                ):
                    said = message("sum.above-whole", part=figure(part), relation=relation, whole=figure(whole))
                    findings.append(context.finding(rule, said, [part, whole], group_label(whole)))
                    reported.add((id(whole), part.value, part.metric))
                    break
    findings.extend(_place_above_nation(context, rule, slack))
    return findings


def _another_whole_holds(part: Claim, whole: Claim, levels: list[Claim], slack: float) -> bool:
    """Another figure the article states for the same whole is large enough for the part.

    "DPT 204,8 juta pemilih. Dari jumlah tersebut, pemilih di luar negeri 1,75 juta": read without its
    "di luar negeri", the second is one more national figure, and Jawa Timur's 31,4 juta is no part
    larger than its whole while the article's own 204,8 juta holds it.
    """
    key = (whole.metric, whole.scope, whole.unit, whole.entity, whole.period.label if whole.period else "")
    return any(
        other is not whole
        and (other.metric, other.scope, other.unit, other.entity, other.period.label if other.period else "") == key
        and part.low <= other.high * (1 + slack)
        for other in levels
    )


def _named_count(claim: Claim, lexicon: Lexicon) -> bool:
    """A dated count or amount the text states as a level, named in its own words, of no breakdown."""
    return (
        claim.modality == "actual"
        and not claim.in_title
        and not claim.rank
        and claim.period is not None
        and claim.unit not in ("percent", "pp")
        and "/" not in claim.unit
        and metric_strength(claim) == 2
        and not generic(claim, lexicon)
        and "/" not in claim.scope
        and not _on_a_scale(claim)
    )


def _on_a_scale(claim: Claim) -> bool:
    """A count with decimals and no magnitude word ("IHK sebesar 107,02", "IPM 72,91"): a level on a scale.

    An index or an average, which a part may exceed (a regency's index above its province's), is no number
    of things.
    """
    return claim.unit == "count" and claim.value != int(claim.value) and not any(c.isalpha() for c in claim.text)


def place_part(claim: Claim, kinds: dict[str, str]) -> bool:
    """A figure `_place_above_nation` can take for a place's part, as far as its own fields tell.

    A draft's neighbourhood (neighbourhood.py) loads the nation's figures of a metric for these alone.
    """
    return (
        claim.modality == "actual"
        and not claim.in_title
        and not claim.rank
        and claim.period is not None
        and claim.unit not in ("percent", "pp")
        and "/" not in claim.unit
        and "/" not in claim.scope
        and not claim.baseline
        and not claim.qualifier
        and bool(claim.scope)
        and not claim.scope.endswith("?")
        and kinds.get(claim.scope) in ("province", "kabupaten", "kota", "regency")
    )


def _place_above_nation(context: Context, rule: Rule, slack: float) -> list[Finding]:
    """A province's or regency's count above the national count of the same metric and period, in another article.

    Example: 47,8 juta peserta aktif in Jawa Timur (Desember 2024) while the
    nation had 45,2 juta. Only counts and amounts (a rate may be higher in a
    province), each named and dated in its own words.
    """
    lexicon = context.lexicon
    kinds = lexicon.place_kinds
    levels = [
        c
        for c in context.claims
        if _named_count(c, lexicon) and period_strength(c) == 2 and not c.baseline and not c.qualifier
    ]
    national: dict[tuple[str, str, str, str], list[Claim]] = {}
    for c in levels:
        if c.scope == "" and c.evidence.get("scope") in ("national", "default"):
            national.setdefault((c.entity, c.metric, c.unit, c.period.label), []).append(c)  # type: ignore[union-attr]
    nations = {key: _Nation(wholes) for key, wholes in national.items()}
    findings = []
    seen: set[tuple[str, float]] = set()
    for part in levels:
        if not place_part(part, kinds):
            continue
        assert part.period is not None
        nation = nations.get((part.entity, part.metric, part.unit, part.period.label))
        # the nation's figure itself disputed (more than one value): the conflict kind says so
        if nation is None or not nation.agreed or (part.scope, part.value) in seen:
            continue
        whole = nation.first_below(part, slack)
        if whole is None:
            continue
        seen.add((part.scope, part.value))
        said = message(
            "sum.above-nation", part=figure(part), place=part.scope, whole=figure(whole), whole_article=whole.article_id
        )
        findings.append(context.finding(rule, said, [part, whole], group_label(whole)))
    return findings


class _Nation:
    """The national figures of one metric and period, grouped by their upper end, for `_place_above_nation`.

    A national statistic is restated in every copy of its story, so a place's figure scanned all of them
    (and counted their values again) in an archive where both grow with it: quadratic, 2.5 s of CPU at
    100k articles. Grouped by upper end (a few, as the figures agree), the first one a part is above is
    the one the scan found first.
    """

    def __init__(self, wholes: list[Claim]) -> None:
        self.wholes = wholes
        self.agreed = len({round(w.value, 6) for w in wholes}) == 1
        self.by_high: dict[float, list[int]] = {}
        for place, whole in enumerate(wholes):
            self.by_high.setdefault(whole.high, []).append(place)

    def first_below(self, part: Claim, slack: float) -> Claim | None:
        """The first national figure of another article that the part is above, but not far (that is a slip)."""
        first: int | None = None
        for high, places in self.by_high.items():
            if high * (1 + slack) < part.low < 2 * high:
                # the group's first figure of another article (its others are in the part's own article)
                found = next((p for p in places if self.wholes[p].article_id != part.article_id), None)
                if found is not None and (first is None or found < first):
                    first = found
        return None if first is None else self.wholes[first]


def _names_segment(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether the claim's sentence names a segment its metric lacks: then it may be that segment's figure.

    "peserta aktif ... BPU tercatat 9,2 juta orang, dan peserta aktif dari sektor
    jasa konstruksi sebanyak 4,9 juta orang": the second figure may be read as
    plain "peserta aktif", but its sentence names jasa konstruksi, so it is no whole.
    """
    own = set(claim.metric.split()[1:])
    sentence = claim.sentence.lower()
    return any(
        segment.id not in own and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sentence)
        for segment in lexicon.segments
        for word in segment.synonyms
    )


def _contains(lexicon: Lexicon, whole: Claim, part: Claim) -> Value:
    """How `part` is a part of `whole`, in words, or "" when it is not known to be one.

    Example: "peserta-aktif pu" of "peserta-aktif" is "segment PU"; "peserta-aktif"
    of "peserta terdaftar" is "peserta aktif" (metrics.yml `within`); a figure
    scoped to Jawa Barat of the same metric unplaced (national) is "Jawa Barat".
    """
    part_words, whole_words = part.metric.split(), whole.metric.split()
    if not part_words or not whole_words:
        return ""
    segments = {s.id for s in lexicon.segments}
    own = part_words[1:]
    if part.scope == whole.scope and all(w in segments for w in own):
        if whole.metric == part_words[0] and own:
            return message("sum.segment", segment=" ".join(own).upper())
        known = lexicon.metric(part_words[0])
        if known is not None and whole.metric in known.within:
            label = known.label
            return f"{label} {' '.join(own).upper()}".strip() if own else label
    if part.metric != whole.metric or not part.scope or part.scope.endswith("?") or "/" in part.scope:
        return ""
    kind = lexicon.place_kinds.get(part.scope, "")
    if kind not in PLACE_KINDS:
        return ""
    if not whole.scope and whole.evidence.get("scope") in ("national", "default") and kind == "province":
        return part.scope
    if whole.scope and lexicon.place_provinces.get(part.scope) == whole.scope:
        return part.scope
    return ""
