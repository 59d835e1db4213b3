"""Claim extraction: a parsed brief -> atomic, self-contained claims (DESIGN.md, "Claims and verdicts").

First the post's furniture goes (post.py: display name, labels, addressees, thread counter, the
half-finished clause at a cut; a tribute becomes a sentence of its own). Per sentence: find the
reporting frame and take it off -> tidy (handles become names, tag lists go) -> split coordinated
clauses -> replace a leading "He"/"Elle"/"Hij" by the person it stands for, when people.py can
single one out -> content or opinion. A bare tribute ("RIP X") becomes the claim that X died
unless the post says so itself. Then one attribution claim per speaker ("X said in a V24
interview that Y"), which the verifier supports only when a source reports X saying it. Ids are
"c1", "c2", ... in that order: content and opinion claims as they occur, then attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..interfaces import ClaimExtractor
from ..models import Brief, Claim
from .. import words
from .attribution import HANDLE, ROLE_NOUNS, Attribution, find_attribution
from .clauses import QUOTED, has_verb, quotes, split_clauses, tidy
from .lexicon import lowercase_words
from .opinion import is_opinion
from .parse import frame_text
from .people import PostPeople, is_person, leading_pronoun, may_be_person, organisation_name
from .post import HASHTAG, read_post

# How an attribution claim joins speaker and content in each supported language. Dutch and German
# put the verb last after "dat"/"dass", which a template cannot do: they use a colon instead.
_THAT = {"en": " that ", "fr": " que ", "es": " que ", "it": " che ", "pt": " que ", "nl": ": ", "de": ": "}
_SAID = {"en": "said", "fr": "a dit", "es": "dijo", "it": "ha detto", "pt": "disse", "nl": "zei", "de": "sagte"}
_AND = {"en": " and", "fr": " et", "es": " y", "it": " e", "pt": " e", "nl": " en", "de": " und"}
_SUBORDINATOR = {"nl": " dat ", "de": ", dass "}
_QUOTE_OPEN = "\"“„«‘'"


@dataclass
class _Piece:
    text: str
    kind: str  # "content", "opinion", or "tribute" until the post is read to its end
    frame: Attribution | None
    who: str | None
    tribute: str | None = None  # the name a bare tribute honours
    language: str | None = None  # a tribute's language: its formula's, else the brief's
    subordinate: bool = False  # said in a Dutch/German "dat"/"dass" clause (verb last)


def _finish(text: str) -> str:
    text = text.strip(" ,;:—–-").rstrip(".…").strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


# A speaker whose name ends like this is an organisation: "it"/"its" can stand for it.
_ORGANISATION = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|LLC|AG|SA|NV|Group|Bank|Airlines?|Airways|"
    r"Company|Industries|Holdings|Ministry|Department|Agency|Association|Union|Council|"
    r"Commission|Government|Board|Authority|Institute|University|Police|Army)\.?$")


def _resolve_it(text: str, speaker: str | None) -> str:
    """"Acme Corp said its sales rose" -> "Acme Corp’s sales rose": it/its only for a speaker
    named as an organisation, since "Merkel said it was a mistake" is not about Merkel. Without
    this, "Its February load factor slipped" names nobody and matches every airline's report.
    (He/she and their kin in other languages: people.py.)"""
    if not speaker:
        return text
    m = re.match(r"^(it|its)\b", text, re.I)
    if not m or not _ORGANISATION.search(speaker):
        return text
    name = f"{speaker}’s" if m.group(1).lower() == "its" else speaker
    return name + text[m.end() :]


# Articles and pronouns of every listed language: "a déclaré que La cathédrale" reads "la".
_FUNCTION_WORDS = frozenset().union(*words.STOPWORDS.values())
_PRONOUNS = frozenset({"it", "its", "he", "she", "his", "her", "they", "their", "we", "our"})
_COMMON_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ings?|ers)$")


def lower_first(text: str, names: set[str], after_colon: bool = False) -> str:
    """Lowercase the first word after "that" when it is a common word, not a name or an acronym."""
    m = re.match(r"^([A-ZÀ-Þ])([a-zà-ÿ'’-]*)(\s+\S+)?", text)
    if not m or text[:1] in _QUOTE_OPEN:
        return text
    word = m.group(1) + m.group(2)
    nxt = (m.group(3) or "").strip()
    if word.lower() in _PRONOUNS:
        return word.lower() + text[len(word) :]  # "its February figures": not a name before one
    # (An article is no part of a name here: "The" of the speaker "The RIAA" does not keep
    # "The tool was built ..." capitalised; "The Hague" is kept by its capitalised next word.)
    acronym = len(nxt.strip(".,;:")) >= 2 and nxt.strip(".,;:").isupper()
    if word in ("The", "A") and acronym:
        return word.lower() + text[len(word):]  # "the UK will ...", "the EU": not "The Hague"
    if word == "I" or nxt[:1].isupper() or any(
            word in n.split() for n in names) and word.lower() not in _FUNCTION_WORDS:
        return text  # "Angela Merkel demanded ...", the speaker's own name
    lower = word.lower()
    elided = re.match(r"^(?:l|d|qu)['’]", lower) is not None  # French "L'âge", "D'après"
    if lower in lowercase_words() or ((lower in _FUNCTION_WORDS or elided) and not after_colon) or (
            len(lower) > 5 and _COMMON_SUFFIX.search(lower)):
        return lower + text[len(word) :]
    return text


def _reports_an_act(frame: Attribution, sentence: str) -> bool:
    """"Grant Shapps announced new rules on Thursday": the verb's object is a thing, not a
    statement, so the sentence reports what the speaker did and is checked whole; cut at the
    verb it would leave the fragment "New rules on Thursday". Only when the sentence opens with
    its speaker and the words after the verb hold no verb and no quotation."""
    content = frame.content.strip()
    said = sentence[: max(sentence.find(content), 0)]
    if re.search(r"\b(?:that|que|qu['’]|dat|dass|che)\s*$", said.strip() + " ", re.I):
        return False  # "X a déclaré que …", "X zegt dat …": a statement follows
    words = content.split()
    if sum(w[:1].isupper() for w in words) * 2 > len(words):
        return False  # a headline in title case or capitals: its verbs cannot be told apart
    return (sentence.lstrip().startswith(frame.subject) and not quotes(content)
            and not has_verb(words))


def _subordinate(frame: Attribution, sentence: str, lang: str | None) -> bool:
    """Whether the content follows the frame as a Dutch or German subordinate clause ("zegt dat
    …", "sagt, dass …"), whose verb comes last."""
    if lang not in ("nl", "de"):
        return False
    said = sentence[: max(sentence.find(frame.content), 0)]
    return bool(re.search(r"\b(?:dat|dass)\s*$", said.strip() + " ", re.I))


# A Dutch or German finite verb at the end of a subordinate clause: an auxiliary, a modal, or a
# form ending like one ("bestaan", "werkt", "wordt").
_FINITE_NL_DE = re.compile(
    r"^(?:is|was|zijn|waren|heeft|hebben|had|hadden|wordt|worden|werd|werden|zal|zullen|zou|"
    r"zouden|kan|kunnen|kon|konden|moet|moeten|wil|willen|ist|sind|war|waren|hat|haben|hatte|"
    r"wird|werden|wurde|kann|können|muss|müssen|will|wollen|[a-zäöüë]{2,}(?:n|t|d))$")
_DETERMINERS_NL_DE = frozenset(
    "de het een deze die dit dat zijn haar hun onze der die das den dem ein eine einen kein keine "
    "alle veel weinig geen".split())


def main_clause_order(clause: str, lang: str | None) -> str | None:
    """A Dutch or German subordinate clause in the order of a main clause, when it has the
    simple shape "subject … verb": "de grenscontroles nauwelijks bestaan" -> "de
    grenscontroles bestaan nauwelijks" (the finite verb moves to second place). The subject is a
    pronoun or name, or a determiner and one noun; None for any other shape."""
    ws = clause.rstrip(" .!").split()
    if len(ws) < 3 or not _FINITE_NL_DE.match(ws[-1].lower()):
        return None
    if ws[0].lower() in _DETERMINERS_NL_DE or ws[0][:1].isdigit():
        n = 2
    elif ws[0][:1].isupper() or ws[0].lower() in words.PERSON_PRONOUNS.get(lang or "", {}):
        n = 1
        while n < len(ws) - 1 and ws[n][:1].isupper():
            n += 1  # a name of several words
    else:
        return None
    middle = ws[n:-1]
    # Only adverbs between subject and verb ("nauwelijks", "niet", "vaak"): an object, a second
    # verb ("kon bereiken") or a separable verb ("voorstelt" -> "stelt … voor") needs a parser.
    if not 1 <= len(middle) <= 2 or any(
            w.lower() in _DETERMINERS_NL_DE or w[:1].isupper() or w[:1].isdigit()
            or (w.lower().endswith("en") and w.lower() not in _ADVERBS_EN_ENDING) for w in middle):
        return None
    if re.match(_SEPARABLE, ws[-1].lower()):
        return None
    return " ".join(ws[:n] + [ws[-1]] + middle)


_ADVERBS_EN_ENDING = frozenset({"alleen", "even", "binnen", "buiten", "boven", "beneden", "soms",
                                "gewoonlijk", "geregeld", "steeds", "nooit", "eigenlijk"})
_SEPARABLE = r"^(?:aan|af|op|uit|voor|mee|terug|door|in|over|weg|toe|bij|na|om|vast|los|ab|an|auf|aus|ein|mit|nach|vor|zu|zurück)\w{3,}"


def _speaker_first(sentence: str, frame: Attribution) -> bool:
    """Whether the frame's speaker comes before what they said ("On Tuesday, X said he …"),
    not after it ("He …, X said")."""
    low = sentence.lower()
    at_speaker = low.find(frame.subject.lower())
    at_content = low.find(frame.content[:30].lower())
    return at_speaker >= 0 and (at_content < 0 or at_speaker < at_content)


class RuleClaimExtractor(ClaimExtractor):
    """Rule-based extractor; see the module docstring for the steps."""

    def extract(self, brief: Brief) -> list[Claim]:
        lang = brief.language
        post = read_post(brief.text, lang)
        people = PostPeople(lang)
        pieces: list[_Piece] = []
        for index, sentence in enumerate(post.sentences):
            if sentence.tribute:
                people.add(index, "", tribute=sentence.tribute)
                pieces.append(_Piece(sentence.text, "tribute", None, None, tribute=sentence.tribute,
                                     language=sentence.tribute_language or lang))
                continue
            pre = frame_text(sentence.text)
            if not pre:
                continue
            frame = find_attribution(pre)
            if frame is not None and _reports_an_act(frame, pre):
                frame = None
            who = None
            speech = False  # the sentence opens with "He said …" that no one was found for
            if frame is not None:
                who = self._pronoun_speaker(frame, index, people, brief) if frame.pronoun else frame.who
                if who is None:
                    speech = frame.pronoun
                    frame = None  # "He said ..." with nobody named: keep the sentence whole
            content = frame.content if frame else pre
            subordinate = frame is not None and _subordinate(frame, pre, lang)
            if subordinate:
                main = main_clause_order(content, lang)
                if main is None:
                    # "X zegt dat <verb-final clause>": without a parser the clause cannot be
                    # put in the order a statement of its own takes; it stays whole.
                    frame, who, content = None, None, pre
                else:
                    content = main
            if not re.search(r"[^\W\d_]", HASHTAG.sub("", HANDLE.sub("", content))):
                continue  # only handles and tags: nothing is asserted
            said: list[str] = []
            # "X said he …" binds "he" to X; "He was arrested, police chief X said" does not:
            # a speaker named after what they said speaks of someone else.
            leads = frame is not None and _speaker_first(pre, frame)
            for clause in split_clauses(tidy(content, brief.handles)):
                resolved = self._resolve(clause, frame if leads else None, who, index, people,
                                         brief, speech)
                text = _finish(resolved)
                if not re.search(r"[^\W\d_]", text):
                    continue
                said.append(resolved)  # as written: "cosmonaut Alexei Leonov", not "Cosmonaut …"
                kind = "opinion" if is_opinion(text) else "content"
                if text not in {p.text for p in pieces}:
                    pieces.append(_Piece(text, kind, frame, who,
                                         subordinate=subordinate and frame is not None))
            people.add(index, " ".join(said), speaker=who if frame is not None else None)
        pieces = [p for p in (self._tribute(p, pieces, lang, people.genders) for p in pieces)
                  if p is not None]
        if not pieces:
            raise InputError(
                "brief: no statement left once handles, hashtags and links are set aside; "
                "give the text of the claim to check"
            )
        # A sentence that is nothing but a speaker's quotation asserts only that they said it:
        # that is the attribution claim's job, so it gets no content claim of its own (a bare
        # quotation checked as a fact would be judged on words no source states as fact).
        ids: list[str | None] = []
        claims: list[Claim] = []
        for p in pieces:
            if p.frame is not None and p.who and QUOTED.fullmatch(p.text.rstrip(".")):
                ids.append(None)
                continue
            claims.append(Claim(id=f"c{len(claims) + 1}", text=p.text, kind=p.kind,
                                speaker=p.who, quotes=quotes(p.text)))
            ids.append(claims[-1].id)
        claims.extend(self._attributions(brief, pieces, claims, ids))
        return claims

    @staticmethod
    def _pronoun_speaker(frame: Attribution, index: int, people: PostPeople,
                         brief: Brief) -> str | None:
        """Who "He said …" / "Il a déclaré …" / "They say …" stands for. A personal pronoun is
        a person named earlier in the post (people.py), or nobody; "they" and "we" keep the
        brief's speaker, a group or an organisation more often than not."""
        if leading_pronoun(frame.subject, brief.language):
            return people.referent(index, speech=True)
        return brief.speaker

    def _resolve(self, clause: str, frame: Attribution | None, who: str | None, index: int,
                 people: PostPeople, brief: Brief, speech: bool = False) -> str:
        """The clause with a leading "He"/"She"/"Il"/"Hij" (or "His"/"Her") replaced by the
        person it stands for, when the rules of people.py single one out. ``speech``: the clause
        is a "He said …" whose speaker was not found; the rules for a speaker apply to it."""
        lang = brief.language
        lead = leading_pronoun(clause, lang)
        if lead is None:
            return _resolve_it(clause, who or brief.speaker)
        word, how = lead
        name = None
        if frame is not None and self._speaker_is_person(frame, who, index, people, lang):
            # "X said he …": he is X. When X is one word known only to the model, a person the
            # post spoke of before comes first ("RIP Alexei Leonov. Roscosmos said he was 85").
            name = people.full_name_of(who, index)
            if name is None and " " not in (who or "") and not frame.role:
                name = people.referent(index, speech=False)
            name = name or who
        elif not speech:
            name = people.referent(index, speech=False)
        if not name:
            return clause
        people.genders.setdefault(name, words.for_language(words.PERSON_PRONOUNS, lang).get(word.lower(), ""))
        return (f"{name}’s" if how == "possessive" else name) + clause[len(word):]

    @staticmethod
    def _speaker_is_person(frame: Attribution, who: str | None, index: int, people: PostPeople,
                           lang: str | None) -> bool:
        """Whether "he" in "X said he …" can be bound to X: X has a person's role ("President
        Trump"), a full name with no mark of an organisation, is the surname of a person the
        post names in full, or is one word the English model takes for a person. That last is
        the weak case: the model labels "Obama" and "Roscosmos" persons and "Trump" an
        organisation; where it says organisation the pronoun stays ("He has tested positive",
        the speaker kept on the claim)."""
        if not who:
            return False
        if frame.role and any(w.lower() in ROLE_NOUNS for w in frame.role.split()):
            # A person's role ("President Trump") outweighs the model's label for the name.
            return not organisation_name(who)
        if not may_be_person(who, lang):
            return False
        return (len(who.split()) > 1 or people.full_name_of(who, index) is not None
                or is_person(who, lang))

    @staticmethod
    def _tribute(piece: _Piece, pieces: list[_Piece], lang: str | None,
                 genders: dict[str, str]) -> _Piece | None:
        """A bare tribute ("RIP Alexei Leonov", "Rust in vrede Toots Thielemans") says that a
        person died. A standards editor checks that: false reports of a death are a staple of
        hoaxes, and a tribute is how they spread. So it becomes the claim "X has died", unless
        the post says so in words of its own ("RIP X. He died aged 85"), which is then the
        claim checked. A tribute to something other than a person ("RIP Twitter") reports no
        death: it is kept as an opinion, Not check-worthy."""
        if piece.kind != "tribute":
            return piece
        name = piece.tribute or ""
        lang = piece.language or lang
        if not is_person(name, lang, full_name=True):
            return _Piece(piece.text, "opinion", None, None)
        surname = name.split()[-1].lower()
        deaths = words.for_language(words.DEATH_WORDS, lang)
        for other in pieces:
            low = other.text.lower()
            if other is not piece and surname in low and any(
                    re.search(r"\b" + re.escape(d.lower()) + r"\b", low) for d in deaths):
                return None
        template = words.DEATH_CLAIMS.get(lang or "en", words.DEATH_CLAIMS["en"])
        if lang == "fr" and genders.get(name) in ("m", "f"):
            template = words.DEATH_CLAIMS[f"fr-{genders[name]}"]
        return _Piece(template.format(name=name), "content", None, None)

    def _attributions(self, brief: Brief, pieces: list[_Piece], claims: list[Claim],
                      piece_ids: list[str | None]) -> list[Claim]:
        lang = brief.language if brief.language in _THAT else "en"
        names = {n for n in [brief.speaker, brief.outlet, *brief.handles.values()] if n}
        by_who: dict[str, list[int]] = {}
        for i, p in enumerate(pieces):
            if p.frame is not None and p.who:
                by_who.setdefault(p.who, []).append(i)
        out: list[Claim] = []
        for who, idx in by_who.items():
            frames: list[Attribution] = []
            subordinate: set[int] = set()
            for i in idx:
                if all(pieces[i].frame is not f for f in frames):
                    frames.append(pieces[i].frame)  # type: ignore[arg-type]
                if pieces[i].subordinate:
                    subordinate.add(id(pieces[i].frame))
            first = frames[0]
            verb = first.verb if lang == "en" or first.verb != "said" else _SAID[lang]
            head = " ".join(x for x in (who, verb, first.venue) if x)
            parts = []
            for f in frames:
                # "Acme Corp said that its sales rose", "Shapps said that he will publish":
                # inside the attribution the pronoun reads plainly as the speaker's, and
                # repeating the name would not.
                said = _finish(tidy(f.content, brief.handles))
                if QUOTED.fullmatch(said):
                    parts.append(("quote", said))
                elif id(f) in subordinate:
                    # "Kanko zei dat de grenscontroles nauwelijks bestaan": the clause as the
                    # brief wrote it, verb last, after "dat"/"dass".
                    parts.append(("sub", lower_first(said, names)))
                else:
                    parts.append(("that", lower_first(said, names, _THAT[lang] == ": ")))
            text = head
            for n, (how, said) in enumerate(parts):
                if how == "quote":
                    text += (" and " if n else " ") + said
                elif how == "sub":
                    text += (_AND[lang] if n else "") + _SUBORDINATOR[lang] + said
                elif n == 0 or _THAT[lang] == ": ":
                    that = _THAT[lang]
                    if lang == "fr" and said[:1].lower() in "aeiouéèêàâîôû":
                        that = " qu'"  # French elides before a vowel: "qu'aucun blessé"
                    text += ("; " if n else that) + said
                else:
                    text += _AND[lang] + _THAT[lang] + said
            text = text[0].upper() + text[1:]
            ids = [piece_ids[i] for i in idx if piece_ids[i] is not None]
            out.append(
                Claim(
                    id=f"c{len(claims) + len(out) + 1}",
                    text=text,
                    kind="attribution",
                    speaker=who,
                    content_claim_id=ids[0] if ids else None,
                    quotes=quotes(text),
                    signals={
                        "content_claim_ids": ids,
                        "role": first.role,
                        "outlet": first.outlet,
                        "medium": first.medium,
                        "venue": first.venue,
                    },
                )
            )
        return out
