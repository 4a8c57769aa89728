"""Weights of the learned dek of last resort (digest/summarise/contextdek.py), written by
``python bench/dek_eval.py --write``: do not edit by hand."""

DEK_BIAS = -3.5440
DEK_THRESHOLD = 0.60
DEK_WEIGHTS: dict[str, float] = {
    'news': 1.4430,
    'pos0': 0.1797,
    'pos1': 1.0939,
    'pos2': 0.5034,
    'pos3_5': -0.0696,
    'pos6_9': -0.6119,
    'pos10_': -1.0955,
    'own_entry': 0.3561,
    'title': 0.6000,
    'shown': -0.5087,
    'centrality': 1.8400,
    'quoted': 0.5776,
    'statement': 0.2606,
    'ahead': 0.2681,
    'points_back': -0.4322,
    'past': -0.2379,
    'newsy': 0.9203,
    'day': 0.6369,
    'stands': 0.5857,
    'short': -0.9587,
    'long': 0.2178,
    'pronoun': -0.9359,
    'actor_past': 0.1296,
    'year_before': 0.3623,
    'conjunction': 0.2003,
    'leans_back': -0.2482,
    'not_news': 0.0049,
    'quotes_heavily': -1.3804,
    'question': -0.6402,
}
