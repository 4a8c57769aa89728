"""Weights of the learned dek of last resort (digest/summarise/contextdek.py), written by
``python bench/dek_eval.py --write``: do not edit by hand."""

DEK_BIAS = -3.6404
DEK_THRESHOLD = 0.60
DEK_WEIGHTS: dict[str, float] = {
    'news': 1.2879,
    'pos0': 0.2386,
    'pos1': 1.0288,
    'pos2': 0.4877,
    'pos3_5': -0.0278,
    'pos6_9': -0.6638,
    'pos10_': -1.0635,
    'own_entry': 0.3961,
    'title': 0.7448,
    'shown': -0.1982,
    'centrality': 1.7024,
    'quoted': 0.6077,
    'statement': 0.3390,
    'ahead': 0.1460,
    'points_back': -1.1442,
    'past': -0.1935,
    'newsy': 0.7758,
    'day': 0.7600,
    'stands': 0.6946,
    'short': -0.8793,
    'long': 0.1677,
    'pronoun': -1.0669,
    'actor_past': 0.1843,
    'year_before': 0.4493,
    'leans_back': 0.0036,
    'not_news': 0.2057,
    'quotes_heavily': -1.3432,
}
