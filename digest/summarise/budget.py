"""The word budget: which items of a brief's three blocks fit its ~120 words."""

from __future__ import annotations

from digest.summarise.candidates import Candidate, word_count


# Admission order when trimming to the budget: (block, rank). Blocks: 0 happened, 1 said, 2 next.
# A second voice outranks a second event sentence: the brief exists to show who said what.
_ADMISSION = ((0, 0), (1, 0), (2, 0), (1, 1), (0, 1), (2, 1), (1, 2), (0, 2), (1, 3))


def fit_budget(happened: list[Candidate], said: list[Candidate], ahead: list[Candidate], *,
               budget: int, keep: int = 1) -> tuple[list[Candidate], ...]:
    """Trim the lowest-value items until the three blocks fit ``budget`` words.

    Items are admitted in ``_ADMISSION`` order while they fit; the first What happened sentence
    is always kept, whatever its length (the first ``keep`` of them: a lead and the "Now ..." sentence
    that tells the news after it). A quote from an outlet not yet heard then displaces a
    second quote from a heard outlet and later event or next-step sentences, when that makes it
    fit. Returns the three kept lists, each in its own order.
    """
    blocks = (happened, said, ahead)
    kept: dict[tuple[int, int], Candidate] = {}
    for block, rank in _ADMISSION:
        if rank >= len(blocks[block]):
            continue
        item = blocks[block][rank]
        if _total(kept) + word_count(item) <= budget or (block == 0 and rank < keep):
            kept[(block, rank)] = item
    for rank, item in enumerate(said):
        if (1, rank) not in kept and item.outlet not in {c.outlet for k, c in kept.items() if k[0] == 1}:
            _make_room(kept, (1, rank), item, budget=budget, keep=keep)
    return tuple([kept[k] for k in sorted(kept) if k[0] == b] for b in range(3))


def _total(kept: dict[tuple[int, int], Candidate]) -> int:
    return sum(word_count(c) for c in kept.values())


def _make_room(kept: dict[tuple[int, int], Candidate], key: tuple[int, int], item: Candidate, *, budget: int,
               keep: int = 1) -> None:
    """Admit ``item`` by evicting repeat-outlet quotes, then later event and next-step sentences.

    Evicts nothing unless the item then fits. Lead items (rank 0 of each block) always stay.
    """
    said_outlets = [c.outlet for k, c in sorted(kept.items()) if k[0] == 1]
    repeats = [k for k, c in sorted(kept.items()) if k[0] == 1 and said_outlets.count(c.outlet) > 1 and k[1] > 0]
    later = [k for k in reversed(_ADMISSION) if k in kept and k[0] != 1 and k[1] > 0 and not (k[0] == 0 and k[1] < keep)]
    evict, freed = [], 0
    for victim in (*reversed(repeats), *later):
        if _total(kept) - freed + word_count(item) <= budget:
            break
        evict.append(victim)
        freed += word_count(kept[victim])
    if _total(kept) - freed + word_count(item) <= budget:
        for victim in evict:
            del kept[victim]
        kept[key] = item


