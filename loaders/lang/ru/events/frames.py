"""Who acted and with whom, from the sentence's dependency parse (natasha's
NewsSyntaxParser, parsed only for sentences that hold an event cue).

A frame has the acting side (the subject of the cue's verb, or the genitive after a
meeting noun: "встреча Лаврова с ...") and the counterparts: the phrase after "с"
("встретился с министрами иностранных дел Катара, Кувейта и Омана"), the object of a
reception ("принял послов ..."), the subject of a handing-over ("грамоты вручили послы
...") — split into one counterpart per state, so that a list gives one bilateral event
per counterpart (DESIGN.md, annotation rules: never join two counterparts). A meeting
all attended together ("трехсторонняя встреча", "в формате", a joint session) is
``joint``: one event with every party.

Sides are read off the parse, then checked against the names and states the earlier
stages found in the sentence: a side is persons (keys into Document.persons) and states,
and an unnamed official ("Глава МИД", "турецкий коллега", "посол Франции") is a state
without a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dipgraph.loaders.extract.doc import Document, StateMention, Token
from dipgraph.loaders.lang.ru.models import lemmas, parses, syntax_parser

WITH = {"с", "со"}
# topic/venue prepositions: a state in a phrase they head is no side ("по Сирии", "в Москве")
NOT_SIDE_PREPS = {
    "в", "во", "на", "по", "о", "об", "обо", "из", "против", "вокруг", "для", "к", "ко",
    "над", "про", "от", "после", "при",
}  # fmt: skip
JOINT_WORDS = {
    "трехсторонний",
    "четырехсторонний",
    "многосторонний",
    "формат",
    "совместный",
    "саммит",
    "заседание",
    "совещание",
    "пятисторонний",
}
SUBJECT_RELS = {"nsubj", "nsubj:pass"}
DISCUSS_VERBS = {
    "обсудить", "обсуждать", "рассмотреть", "рассматривать", "затронуть", "затрагивать",
    "коснуться", "касаться", "осудить", "осуждать", "обменяться", "обмениваться",
}  # fmt: skip
CUE_NOUNS = {"встреча", "переговоры", "консультация", "беседа", "разговор", "обмен", "грамота"}
FRAME_NOUNS = {"ход", "итог", "время", "рамка", "завершение", "окончание", "полях", "поле"}
# a title or noun that names an official without a name ("Глава МИД", "коллега")
OFFICIAL_NOUNS = {
    "коллега",
    "министр",
    "глава",
    "посол",
    "замминистра",
    "заместитель",
    "делегация",
    "группа",
    "представитель",
    "руководство",
    "миссия",
}
RECEIVE_VERBS = {"принять", "принимать"}


@dataclass
class Side:
    persons: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    official: bool = False  # headed by a title or "коллега": a person, named or not
    cities: list[str] = field(default_factory=list)  # "Москва и Пекин провели ...": states

    @property
    def empty(self) -> bool:
        return not self.persons and not self.states


@dataclass
class Frame:
    agent: Side
    counterparts: list[Side]
    joint: bool = False
    subject: bool = False  # the clause names its subject (else "Состоялась встреча с ...")
    pronoun: bool = False  # the subject is "он"/"она" or dropped ("совершил ряд встреч")


def parse(doc: Document, si: int) -> list[tuple[int, str]]:
    """(head index within the sentence or -1, relation) per token, cached in the doc."""
    got = doc.syntax.get(si)
    if got is not None:
        return got
    toks = doc.sentence_tokens(si)
    (markup,) = list(syntax_parser().map([[t.text for t in toks]]))
    ids = {tok.id: k for k, tok in enumerate(markup.tokens)}
    got = [(ids.get(tok.head_id, -1), tok.rel) for tok in markup.tokens]
    if len(got) != len(toks):  # the parser re-tokenized: no parse rather than a wrong one
        got = [(-1, "dep")] * len(toks)
    doc.syntax[si] = got
    return got


def _children(tree: list[tuple[int, str]], i: int) -> list[int]:
    return [k for k, (h, _) in enumerate(tree) if h == i]


def _subtree(tree: list[tuple[int, str]], i: int, stop: set[int] | None = None) -> set[int]:
    out, todo = set(), [i]
    stop = stop or set()
    while todo:
        k = todo.pop()
        if k in out:
            continue
        out.add(k)
        todo.extend(c for c in _children(tree, k) if c not in stop)
    return out


def _case_words(tree: list[tuple[int, str]], toks: list[Token], i: int) -> set[str]:
    # an initial "С." (С.В.Лавров) is no preposition
    return {
        toks[c].text.lower()
        for c in _children(tree, i)
        if tree[c][1] in ("case", "fixed")
        and not (c + 1 < len(toks) and toks[c + 1].text == "." and toks[c].text.isupper())
    }


def _is_verb(tok: Token) -> bool:
    ps = parses(tok.text)
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")


QUANTITY_NOUNS = {"ряд", "серия", "цикл", "несколько"}


def _nominal_head(tree: list[tuple[int, str]], toks: list[Token], ci: int) -> int:
    """Up from the cue over "ряд встреч" and "встреч и переговоров" to the noun the verb
    holds."""
    k = ci
    for _ in range(3):
        h, rel = tree[k]
        if h < 0:
            break
        if rel == "conj" or (rel == "nmod" and lemmas(toks[h].text) & QUANTITY_NOUNS):
            k = h
            continue
        break
    return k


def predicate(tree: list[tuple[int, str]], toks: list[Token], ci: int) -> int:
    """The verb that tells the cue ("провел переговоры" -> провел), else the cue."""
    head, rel = tree[_nominal_head(tree, toks, ci)]
    if rel in ("obj", "nsubj", "nsubj:pass") and head >= 0 and _is_verb(toks[head]):
        return head
    return ci


def is_joint(toks: list[Token], ci: int, tree: list[tuple[int, str]] | None = None) -> bool:
    """A meeting all attended together: "трехсторонняя встреча", "встретились в формате
    ...", "саммит". With the parse, the word must qualify the cue or its verb (not "в
    рамках заседания ... встретился с": a frame)."""
    if lemmas(toks[ci].text) & JOINT_WORDS:
        return True
    if tree is None:
        window = toks[max(0, ci - 4) : ci + 6]
        return any(lemmas(t.text) & JOINT_WORDS for t in window)
    pred = predicate(tree, toks, ci)
    near = set(_children(tree, ci)) | set(_children(tree, pred))
    near |= {g for c in list(near) for g in _children(tree, c)}  # "в трехстороннем формате"
    return any(lemmas(toks[k].text) & JOINT_WORDS - {"заседание"} for k in near) or any(
        lemmas(toks[k].text) & {"трехсторонний", "четырехсторонний", "многосторонний"}
        for k in range(max(0, ci - 2), ci)
    )


def _side(
    doc: Document,
    si: int,
    tokens: set[int],
    states: list[StateMention],
    tree: list[tuple[int, str]],
) -> Side:
    """The persons and states named inside a set of token indices (sentence-local)."""
    base = doc.sentences[si].tok_start
    toks = doc.sentence_tokens(si)
    side = Side()
    for m in doc.mentions:
        if m.sent == si and m.tok_start - base in tokens and m.person not in side.persons:
            if m.person:
                side.persons.append(m.person)
    for m in states:
        i = m.tok_start - base
        if i not in tokens or m.kind not in ("state", "igo", "adj", "city"):
            continue
        # "посол Казахстана в Армении": Армения is where he serves, not his side; "в
        # Гамбурге (ФРГ)": the venue's state
        if is_topic(doc, si, m):
            continue
        if i > 0 and toks[i - 1].text.lower() in NOT_SIDE_PREPS:
            continue
        if (
            i > 1
            and toks[i - 1].text == "("
            and any(c.kind == "city" and c.tok_end - base == i - 1 for c in states)
        ):
            continue
        if m.kind == "city":
            if m.code and m.code not in side.cities:
                side.cities.append(m.code)
        elif m.code not in side.states:
            side.states.append(m.code)
    return side


def split(doc: Document, si: int, side: Side, states: list[StateMention]) -> list[Side]:
    """One side per state: "министрами иностранных дел Катара, Кувейта и Омана" -> three;
    each person goes with their own state (else the nearest state named before them)."""
    base = doc.sentences[si].tok_start
    groups: dict[str | None, Side] = {}
    order: list[str | None] = []

    def group(code: str | None) -> Side:
        if code not in groups:
            groups[code] = Side(states=[code] if code else [], official=side.official)
            order.append(code)
        return groups[code]

    mention_at = {m.person: m for m in doc.mentions if m.sent == si and m.person}
    for p in side.persons:
        code = doc.persons[p].state
        if code is None and p in mention_at:
            before = [
                s.code
                for s in states
                if s.code in side.states and s.tok_end - base <= mention_at[p].tok_start - base
            ]
            code = before[-1] if before else None
        g = group(code)
        if p not in g.persons:
            g.persons.append(p)
    stated = {c for c in order if c}
    if len(side.persons) >= 2 and len(stated) >= 2:
        listed = side.states  # "послами Франции Жаном Дюпоном, Италии Марио Росси ..."
    else:
        # one counterpart unless the states are a list ("Катара, Кувейта и Омана"); not
        # the states inside one official's titles ("американским сопредседателем Минской
        # группы ОБСЕ, главным советником госсекретаря США")
        listed = _listed(doc, si, side.states, states)
    for code in listed:
        group(code)
    if len(listed) <= 1 and len(groups) > 1:
        first = groups[order[0]]
        for c in order[1:]:
            first.persons += [p for p in groups[c].persons if p not in first.persons]
        groups = {order[0]: first}
        order = order[:1]
    out = [groups[c] for c in order]
    # persons of no known state join a single stated group rather than make their own
    stateless = groups.get(None)
    if stateless is not None and len(out) == 2:
        other = next(g for g in out if g is not stateless)
        other.persons.extend(p for p in stateless.persons if p not in other.persons)
        out = [other]
    return out


def _listed(doc: Document, si: int, codes: list[str], states: list[StateMention]) -> list[str]:
    """The side's states that form a written list: the first, and those joined to the one
    before by a comma or "и" (with at most a title word between: "с министрами иностранных
    дел Катара, Кувейта и Омана", "послами Франции, Италии и Испании")."""
    base = doc.sentences[si].tok_start
    toks = doc.sentence_tokens(si)
    mine = sorted((m for m in states if m.code in codes and m.kind != "city"),
                  key=lambda m: m.tok_start)  # fmt: skip
    if not mine:
        return []
    out = [mine[0].code]
    prev = mine[0]
    for m in mine[1:]:
        gap = [t.text.lower() for t in toks[prev.tok_end - base : m.tok_start - base]]
        if gap in (["и"], [","], [",", "и"]):
            if m.code not in out:
                out.append(m.code)
            prev = m
        else:
            break
    return out


def is_topic(doc: Document, si: int, mention: StateMention) -> bool:
    """A state named under a topic or place preposition on its way up to the clause
    ("консультации ... по вопросам Сирии", "ситуация в Афганистане"): no party."""
    tree = parse(doc, si)
    toks = doc.sentence_tokens(si)
    base = doc.sentences[si].tok_start
    k = mention.tok_start - base
    for j in range(mention.tok_start - base, mention.tok_end - base):
        if not (mention.tok_start - base <= tree[j][0] < mention.tok_end - base):
            k = j  # the mention's own head token
            break
    seen = set()
    while 0 <= k < len(tree) and k not in seen:
        seen.add(k)
        words = _case_words(tree, toks, k)
        if words & NOT_SIDE_PREPS:
            return True  # a "с"/"между" phrase under a topic is the topic's too ("по
            # отношениям с США"): keep climbing past them up to the cue or the verb
        if _is_verb(toks[k]) or lemmas(toks[k].text) & CUE_NOUNS:
            return False
        h = tree[k][0]
        if tree[k][1] in ("obj", "obl") and h >= 0 and lemmas(toks[h].text) & DISCUSS_VERBS:
            return True  # "обсудили отношения двух стран с США": what was discussed
        k = h
    return False


def _official_head(tok: Token) -> bool:
    from dipgraph.loaders.lang.ru.roles import _head

    return bool(_head(tok) or lemmas(tok.text) & OFFICIAL_NOUNS)


def frame(doc: Document, si: int, ci: int, states: list[StateMention]) -> Frame:
    """The acting side and the counterparts of the cue at sentence-local token ``ci``."""
    tree = parse(doc, si)
    toks = doc.sentence_tokens(si)
    pred = predicate(tree, toks, ci)
    top = _nominal_head(tree, toks, ci)
    heads = [pred, ci] + [top] * (top not in (pred, ci))
    heads += [c for h in list(heads) for c in _children(tree, h) if tree[c][1] == "conj"
              and lemmas(toks[c].text) & CUE_NOUNS and c not in heads]  # fmt: skip
    head, rel = tree[ci]
    if head >= 0 and lemmas(toks[head].text) & FRAME_NOUNS:
        head, rel = tree[head]  # "в ходе встречи", "по итогам переговоров"
    if pred == ci and rel in ("obl", "nmod") and head >= 0 and _is_verb(toks[head]):
        # "На встрече с X министр Y отметил ...": the clause's subject is the other side
        heads.append(head)
    counter_roots: list[int] = []
    agent_roots: list[int] = []
    subjects: list[int] = []
    heads = list(dict.fromkeys(heads))
    for h in heads:
        for c in _children(tree, h):
            rel = tree[c][1]
            if c == ci or c in heads:
                continue
            if h == heads[-1] and h not in (pred, ci) and rel not in SUBJECT_RELS:
                continue  # of the clause's verb only its subject
            if _case_words(tree, toks, c) & WITH:
                counter_roots.append(c)
            elif rel == "obj" and h == pred and lemmas(toks[pred].text) & RECEIVE_VERBS:
                counter_roots.append(c)  # "принял посла ...", "принял делегацию ..."
            elif rel in SUBJECT_RELS and (h != ci or h == pred):
                agent_roots.append(c)
                subjects.append(c)
            elif rel == "nmod" and h == ci and c > ci and not _case_words(tree, toks, c):
                agent_roots.append(c)  # "встреча Лаврова с ...": the genitive
    stop = set(counter_roots) | set(agent_roots) | set(heads)
    agent_sets = [_subtree(tree, r, stop - {r}) for r in agent_roots]
    counter_sets = []
    markers_seen: list[int] = []
    for r in sorted(counter_roots):
        # the parser sometimes hangs words of the subject under the counterpart ("Министр
        # ... С.В.Лавров провел разговор с Министром ..."): a counterpart starts at its "с"
        whole = _subtree(tree, r, stop - {r})
        whole |= _adjacent_names(doc, si, whole)
        marker = min(
            (
                c
                for c in _children(tree, r)
                if tree[c][1] in ("case", "fixed") and _is_with(toks, c)
            ),
            default=min(whole),
        )
        counter_sets.append({k for k in whole if k >= marker})
        stray = {k for k in whole if k < marker and k < pred}
        if stray and (agent_sets or pred > 0):
            agent_sets.append(stray)
        people_here = _official_head(toks[r]) or any(
            m.sent == si and m.tok_start - doc.sentences[si].tok_start in whole
            for m in doc.mentions
        )  # not "с рабочим визитом"
        if (
            people_here
            and (marker != min(whole) or _is_with(toks, marker))
            and all(a < marker for a in subjects)
            and not any(m < marker for m in markers_seen)
        ):
            markers_seen.append(marker)
            # the words after "с" up to the clause's end are the counterpart's, whatever
            # the parser hung them on ("с Министром ... Грузии Д.М.Залкалиани"); a meeting
            # noun's words before "с" are the other side's ("встреча Министра ... Лаврова")
            end = next(
                (j for j in range(marker + 1, len(toks)) if _clause_ends(toks, j)), len(toks)
            )
            span = set(range(marker, end))
            counter_sets[-1] |= span
            agent_sets = [a - span for a in agent_sets]
            if ci < marker and not _is_verb(toks[ci]):
                before = set(range(ci + 1, marker))
                counter_sets[-1] -= before
                agent_sets.append(before)
    if not counter_roots:
        # the parser hung the "с" phrase somewhere else: read it off the words, from the
        # first "с" after the cue to the clause's end; a meeting noun's genitive before it
        # is the other side ("встреча Генерального секретаря ШОС Чжан Мина с Послом ...")
        k = next(
            (k for k in range(ci + 1, len(toks)) if _is_with(toks, k) and tree[k][1] == "case"),
            None,
        )
        if k is not None:
            end = next((j for j in range(k + 1, len(toks)) if _clause_ends(toks, j)), len(toks))
            counter_roots = [k + 1] if k + 1 < len(toks) else []
            counter_sets = [set(range(k, end))]
            if not _is_verb(toks[ci]):
                agent_sets.append(set(range(ci + 1, k)))
    agent = _merge(doc, si, agent_roots, agent_sets, states, tree, toks)
    counter = _merge(doc, si, counter_roots, counter_sets, states, tree, toks)
    counterparts = [g for g in split(doc, si, counter, states) if not g.empty]
    pronoun = bool(agent_roots) and all(lemmas(toks[r].text) & PRONOUNS for r in agent_roots)
    dropped = (
        not agent_roots
        and _finite_personal(toks[pred])
        and not any(tree[c][1] in SUBJECT_RELS for c in _children(tree, pred))
    )  # "состоялась встреча": the cue is the subject, nothing was dropped
    return Frame(
        agent, counterparts, is_joint(toks, ci, tree), bool(agent_roots) and not pronoun,
        pronoun or dropped,
    )  # fmt: skip


PRONOUNS = {"он", "она"}


def _finite_personal(tok: Token) -> bool:
    """A past verb of a person ("совершил", "встретился"): its subject was dropped."""
    ps = parses(tok.text)
    return bool(ps) and ps[0].tag.POS == "VERB" and ps[0].tag.gender in ("masc", "femn")


def antecedent(doc: Document, si: int, own: str | None, recent: int | None = None) -> str | None:
    """The person a pronoun or a dropped subject stands for: the release's protagonist,
    the official named most often before this sentence (of the reporting side when it is
    known; the latest on a tie), within the ``recent`` sentences before when given."""
    counts: dict[str, tuple[int, int]] = {}
    for m in doc.mentions:
        p = doc.persons.get(m.person or "")
        if m.sent >= si or p is None or not p.role:
            continue
        if recent is not None and m.sent < si - recent:
            continue
        if own is not None and p.state not in (own, None):
            continue
        n, _ = counts.get(p.key, (0, 0))
        counts[p.key] = (n + 1, m.start)
    return max(counts, key=lambda k: counts[k]) if counts else None


def _is_with(toks: list[Token], k: int) -> bool:
    """ "с"/"со" as a preposition, not the initial of "С.В.Лавров"."""
    initial = toks[k].text[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text == "."
    return toks[k].text.lower() in WITH and not initial


def _clause_ends(toks: list[Token], j: int) -> bool:
    """A phrase read off the words ends at a verb, ";", ":", or a comma that opens a
    clause (", в ходе которой", ", где", ", который")."""
    if toks[j].text in (";", ":") or _is_verb(toks[j]):
        return True
    if toks[j].text == "," and j + 1 < len(toks):
        ps = parses(toks[j + 1].text)
        if _is_with(toks, j + 1):
            return False  # "..., с главой МИД Казахстана ...": the list goes on
        return bool(ps) and (
            ps[0].tag.POS in ("PREP", "CONJ", "ADVB", "NPRO")
            or ps[0].normal_form in ("который", "где", "когда")
        )
    return False


def _adjacent_names(doc: Document, si: int, tokens: set[int]) -> set[int]:
    """The name right after a phrase, which the parser hung elsewhere ("с министром
    иностранных дел Греции Никосом Дендиасом")."""
    base = doc.sentences[si].tok_start
    out: set[int] = set()
    if not tokens:
        return out
    end = max(tokens) + 1
    for m in doc.mentions:
        if m.sent == si and m.tok_start - base == end:
            out |= set(range(m.tok_start - base, m.tok_end - base))
    return out


def _merge(doc, si, roots, token_sets, states, tree, toks) -> Side:
    out = Side()
    for tokens in token_sets:
        s = _side(doc, si, tokens, states, tree)
        out.persons += [p for p in s.persons if p not in out.persons]
        out.states += [c for c in s.states if c not in out.states]
        out.cities += [c for c in s.cities if c not in out.cities]
    out.official = any(_official_head(toks[r]) for r in roots)
    if not out.persons and out.official:
        for tokens in token_sets:
            out.persons += [p for p in _corefer(doc, si, tokens, toks) if p not in out.persons]
    return out


def _corefer(doc: Document, si: int, tokens: set[int], toks: list[Token]) -> list[str]:
    """An official named by title only ("глава МИД Узбекистана провел ...") is the one
    person of that role and state named earlier in the release."""
    from dipgraph.loaders.lang.ru.roles import parse_title

    k = sorted(tokens)
    text = " ".join(toks[i].text for i in k if i - k[0] < 8)
    title = parse_title(text)
    if title is None or title.role is None:
        return []
    first_sent = {p: min(m.sent for m in person.mentions) for p, person in doc.persons.items()}
    found = [
        p
        for p, person in doc.persons.items()
        if person.role
        and (person.role == title.role or person.role.startswith(title.role + " "))
        and (title.state is None or person.state in (title.state, None))
        and first_sent[p] < si
    ]
    return found if len(found) == 1 else []


def agent_official(doc: Document, si: int, ci: int) -> bool:
    """The cue's subject is an official without a name ("Глава МИД провел ...",
    "Министр принял ..."): the reporting side acts."""
    tree = parse(doc, si)
    toks = doc.sentence_tokens(si)
    pred = predicate(tree, toks, ci)
    for c in _children(tree, pred):
        if tree[c][1] in SUBJECT_RELS and lemmas(toks[c].text) & OFFICIAL_NOUNS:
            return True
    return False


def told_by_past_clause(doc: Document, si: int, ci: int, verbs: set[str] | None) -> bool:
    """The cue hangs (over nouns: "визит ... для проведения консультаций") under a past
    verb of happening that governs the clause ("состоялся визит"), not negated."""
    tree = parse(doc, si)
    toks = doc.sentence_tokens(si)
    k, seen = ci, set()
    while 0 <= k < len(tree) and k not in seen:
        seen.add(k)
        h = tree[k][0]
        if h < 0:
            return False
        if lemmas(toks[h].text) & {"рамка", "полях", "поле"}:
            return False  # "в рамках практики консультаций": a frame, not the event
        ps = parses(toks[h].text)
        if ps and ps[0].tag.POS in ("VERB", "INFN", "PRTS", "PRTF", "GRND"):
            negated = any(toks[c].text.lower() == "не" for c in _children(tree, h))
            return (
                ps[0].tag.POS == "VERB"
                and ps[0].tag.tense == "past"
                and (verbs is None or bool(lemmas(toks[h].text) & verbs))
                and not negated
            )
        k = h
    return False
