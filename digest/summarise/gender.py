"""Whether "he" or "she" can stand for a person: read from an honorific, a gendered role or a common first name.

Unknown is the usual answer: only a clear cue rules a person out, so "he said" after a woman
named just before is not credited to her, and a name the lists do not know stays possible.
"""

from __future__ import annotations

import re

# Common given names with a clear gender across English-language news; ambiguous ones
# ("Jordan", "Robin", "Kim", "Jean") are left out on purpose.
_FEMALE = frozenset(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Betty
    Sandra Ashley Dorothy Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura
    Sharon Cynthia Kathleen Amy Shirley Angela Helen Anna Anne Ann Brenda Pamela Nicole Samantha Katherine
    Christine Catherine Debra Rachel Carolyn Janet Maria Heather Diane Julie Joyce Victoria Kelly Christina
    Joan Evelyn Lauren Judith Olivia Martha Cheryl Megan Andrea Hannah Jacqueline Ann Gloria Teresa Sara
    Janice Julia Marie Madison Grace Judy Theresa Beverly Denise Marilyn Amber Danielle Rose Brittany Diana
    Abigail Natalie Jane Lori Alexis Tiffany Kayla Sophia Sophie Emma Isabella Charlotte Amelia Chloe Ella
    Ursula Angela Theresa Marine Ségolène Annalena Giorgia Jacinda Kamala Hillary Nancy Ramona Mia Nadia
    Fatima Aisha Ayesha Priya Sunita Indira Yulia Olga Natalia Svetlana Irina Elena Ana Ines Carmen Lucia
    Rosa Isabel Francesca Giulia Chiara Ingrid Astrid Greta Sigrid Mette Sanna Kaja Ilse Liz Kate Meghan
    Kathy Sally Wendy Claire Clare Louise Lucy Alice Ruth Esther Eva Eve Ellen Irene Gina Tina Vanessa
    Fiona Michele Gail Joanne Jill Jenny Tracy Kristen Leah Erin Holly Molly Paula Valerie Yvonne Colleen
    Bonnie Peggy Sheila Joy Latasha Keisha Tamara Monica Veronica Caroline Harriet Eleanor Penelope""".split()
)
_MALE = frozenset(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason
    Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
    Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas
    Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin
    Arthur Lawrence Jesse Dylan Bryan Joe Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne
    Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Mitt Barack Joe Donald Vladimir
    Emmanuel Olaf Rishi Boris Keir Justin Narendra Xi Recep Benjamin Volodymyr Rodrigo Luiz Javier Pedro
    Carlos Miguel Luis Jorge Manuel Antonio Francisco Pablo Diego Marco Giuseppe Giovanni Luca Matteo
    Hans Klaus Jürgen Friedrich Wolfgang Lars Sven Erik Anders Mohammed Muhammad Ahmed Ali Hassan Omar
    Mahmoud Ibrahim Yusuf Abdul Rahul Amit Sanjay Raj Dmitry Sergei Alexei Ivan Igor Tom Tim Jim Bob Bill
    Mike Dave Steve Ben Nick Matt Dan Ted Ron Rick Greg Ken Jeff Fred Tony Hugh Ian Neil Nigel
    Glenn Glen Todd Craig Dean Derek Marcus Martin Howard Leonard Stanley Phillip Barry Troy Shane Curtis
    Wesley Mitchell Darrell Rodney Lance Ammar Tasos Hamid Karim Tariq Yosef Moshe Andrei Mikhail""".split()
)
GIVEN_NAMES = frozenset(n.lower() for n in _FEMALE | _MALE)  # given names, in lower case


_FEMALE_CUE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Duchess|Sister)\b|woman\b|"
    r"\b(?:actress|duchess|countess|empress|mother|wife|daughter|grandmother|widow)\b"
)
_MALE_CUE = re.compile(
    r"\b(?:Mr|Sir|Lord|King|Prince|Duke|Brother)\b|\b(?:spokes|chair|congress|council|business)man\b|"
    r"\b(?:father|husband|son|grandfather|widower)\b"
)


def gender_of(name: str, cue: str = "") -> str | None:
    """Return "f", "m" or None (unknown) for a person named ``name``, ``cue`` being what came just before it."""
    female = bool(_FEMALE_CUE.search(f"{cue} {name}"))
    male = bool(_MALE_CUE.search(f"{cue} {name}"))
    if female != male:
        return "f" if female else "m"
    # The family name (the last word) says nothing: "Senator Kelly" may be Mark Kelly.
    given = [w for w in name.split()[:-1] if w in _FEMALE or w in _MALE]
    if not given:
        return None
    return "f" if given[0] in _FEMALE and given[0] not in _MALE else ("m" if given[0] in _MALE else None)


def can_be(pronoun: str, gender: str | None) -> bool:
    """True when ``pronoun`` ("he" or "she") may stand for a person of ``gender`` (None: unknown)."""
    return gender is None or gender == ("f" if pronoun == "she" else "m")


def given_name(word: str) -> bool:
    """True for a common given name of either list ("Tom", "Ana"): a person's name starts there."""
    return word in _FEMALE or word in _MALE
