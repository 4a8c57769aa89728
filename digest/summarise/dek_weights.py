"""Weights of the learned dek of last resort (digest/summarise/contextdek.py), written by
``python bench/dek_eval.py --write``: do not edit by hand."""

DEK_BIAS = -3.6405
DEK_THRESHOLD = 0.60
DEK_WEIGHTS: dict[str, float] = {
    'news': 1.2911,
    'pos0': 0.2389,
    'pos1': 1.0286,
    'pos2': 0.4878,
    'pos3_5': -0.0274,
    'pos6_9': -0.6639,
    'pos10_': -1.0639,
    'own_entry': 0.3957,
    'title': 0.7318,
    'shown': -0.1965,
    'centrality': 1.7054,
    'quoted': 0.6080,
    'statement': 0.3394,
    'ahead': 0.1463,
    'points_back': -1.1438,
    'past': -0.1938,
    'newsy': 0.7762,
    'day': 0.7599,
    'stands': 0.6946,
    'short': -0.8799,
    'long': 0.1685,
    'pronoun': -1.0666,
    'actor_past': 0.1837,
    'year_before': 0.4493,
    'leans_back': 0.0040,
    'not_news': 0.2058,
    'quotes_heavily': -1.3431,
}
