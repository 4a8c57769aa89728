"""Weights of the learned dek of last resort (digest/summarise/contextdek.py), written by
``python bench/dek_eval.py --write``: do not edit by hand."""

DEK_BIAS = -3.7141
DEK_THRESHOLD = 0.28
DEK_WEIGHTS: dict[str, float] = {
    'news': 1.3753,
    'pos0': 0.2661,
    'pos1': 0.9623,
    'pos2': 0.5017,
    'pos3_5': -0.0041,
    'pos6_9': -0.6398,
    'pos10_': -1.0863,
    'own_entry': 0.3871,
    'title': 0.7507,
    'shown': -0.1372,
    'centrality': 1.6944,
    'quoted': 0.6286,
    'statement': 0.1565,
    'ahead': 0.2943,
    'points_back': -1.1227,
    'past': -0.2607,
    'newsy': 0.7912,
    'day': 0.7465,
    'stands': 0.7675,
    'short': -0.8527,
    'long': 0.2103,
    'pronoun': -1.0595,
    'actor_past': 0.2717,
    'year_before': 0.4475,
    'leans_back': 0.0566,
    'not_news': -0.0121,
    'quotes_heavily': -1.2979,
}
