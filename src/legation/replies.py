"""Rejections answer what was asked of, charged to or done to their actor.

"Sudan accused Chad of arming the rebels. Chad rejected the charge": the rejection names no
one, but it answers the accusation against Chad, so its recipient is Sudan. A rejection with
no recipient of its own takes the actors of the latest earlier event in the document, within
a few events, that was aimed at its actor: a demand, an accusation, a threat, a coercive act
or a sanction. Parties are compared by the within-document merge's rules (``sameness``); a
rejection never answers its own actor's act, though it may answer an act of its own
country's (a politician rejecting the warrant his country's prosecutors issued)."""

from __future__ import annotations

from .frames import Frame
from .merge import party_ids
from .sameness import PartyId, parties_overlap

ANSWERED_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "COERCE", "SANCTION"})
WINDOW = 8  # events back that a rejection may answer


def answer_rejections(frames: list[Frame]) -> None:
    """Give each rejection without a recipient the party whose act against it it answers."""
    for k, f in enumerate(frames):
        if f.type != "REJECT" or f.recipients or not f.actors:
            continue
        own = party_ids(f.actors)
        for prior in reversed(frames[max(0, k - WINDOW):k]):
            if prior.type not in ANSWERED_TYPES or not prior.actors:
                continue
            if parties_overlap(own, party_ids(prior.recipients)) and \
                    not _one_of(own, party_ids(prior.actors)):
                f.recipients = list(prior.actors)
                break


def _one_of(a: list[PartyId], b: list[PartyId]) -> bool:
    """Is a party of ``a`` the very party of ``b`` (a person is not the court that tried him,
    though both are of one country)?"""
    return any(x.key is not None and x.key == y.key or
               x.kind == y.kind == "country" and x.code is not None and x.code == y.code
               for x in a for y in b)
