"""The words that make a role: jobs, offices, trades and kin ("director", "spokesman", "a
paleontologist", "Bruins goalie", "the daughter of ...") and the lower-case words that may qualify
one before a name ("acting", "interim", "former"). roles.py reads roles with them; the speaker and
next-step rules ask whether a phrase names a job."""

from __future__ import annotations

import re

# Family words name a role only with whose family it is ("the daughter of Ronald Reagan", "Mekhi's mother").
KIN = r"(?:son|daughter|wife|husband|brother|sister|grandmother|grandfather|aunt|uncle|cousin|mother|father|parent)"
# ("the girl's aunt": the story's own girl, whom the brief tells of)
KIN_OWNED = re.compile(r"\bof\s+(?:the\s+)?[A-Z]|^[A-Z][\w’'-]*['’]s\s|^[Tt]he\s+(?:[a-z-]+\s+)?(?:girl|boy|child|baby|victim|"
                       r"man|woman|teen|teenager|student|patient|suspect|player|pilot|driver|couple|family|owner|founder|namesake)['’]s\s")
JOB = (
    rf"(?:{KIN}|resident|student|teacher|nurse|farmer|worker|neighbou?r|voter|volunteer|"
    r"shopkeeper|pilot|driver|witness|survivor|chief|executive|director|minister|secretary|president|chair(?:man|woman|person)?|"
    r"spokes(?:man|woman|person)|economist|analyst|professor|leader|head|mayor|governor|senator|"
    r"official|manager|founder|co-founder|officer|adviser|advisor|lawyer|attorney|ceo|editor|"
    r"researcher|scientist|commissioner|ambassador|member|coach|captain|owner|partner|"
    r"representative|general|judge|chancellor|deputy|councillor|councilor|treasurer|dean|fellow|"
    r"strategist|campaigner|activist|organi[sz]er|engineer|inspector|superintendent|principal|"
    r"historian|expert|consultant|lecturer|physician|doctor|surgeon|pastor|bishop|priest|"
    r"mp|lawmaker|legislator|negotiator|envoy|prosecutor|sheriff|chief|vice|aide|barrister|solicitor|counsel|"
    r"plaintiff|defendant|claimant|cfo|cio|coo|cto|columnist|pollster|detective|sergeant|lieutenant|colonel|commander|"
    r"trustee|coordinator|administrator|supervisor|specialist|instructor|coach|host|author|"
    r"meteorologist|correspondent|anchor|reporter|journalist|photographer|broadcaster|scholar|academic|blogger|writer|commentator|pundit|contributor|"
    r"candidate|nominee|hopeful|council(?:man|woman|member)|congress(?:man|woman)|"
    # the sciences and professions by their ending: "a paleontologist at", "a neuropsychologist at"
    r"\w+olog(?:ist|er)|\w*scientist|\w*physicist|\w*chemist|astronomer|curator|investigator|clinician|"
    r"psychiatrist|pediatrician|paediatrician|pharmacist|veterinarian|technician|statistician|politician|"
    r"photographer|demographer|architect|designer|developer|diplomat|entrepreneur|banker|broker|"
    # people known by what they make, play or do: "U.S. astronaut Chris Cassidy", "Gran Turismo
    # creator Kazunori Yamauchi", "Bruins goalie Tuukka Rask"
    r"astronaut|cosmonaut|creator|producer|inventor|artist|actor|actress|singer|songwriter|musician|rapper|"
    r"comedian|filmmaker|novelist|poet|athlete|player|quarterback|pitcher|outfielder|infielder|goalie|goaltender|"
    r"goalkeeper|striker|midfielder|defenseman|boxer|golfer|jockey|trainer|caddie|agent|swimmer|sprinter|champion|"
    r"villager|widow|widower|veep|colleague|co-author|investor|financier|businessman|businesswoman|billionaire|tycoon|"
    r"magnate|philanthropist|lineman|linebacker|cornerback|receiver|winger|shortstop|catcher|reliever|"
    # "Box's VP of Platform", "an elder from Landy-Nawa", "a policeman at the scene", "a marshal at the second hole"
    # ("guard" and "cleaner" are left out: "caught off guard", "cleaner air"; "marshal support" is a verb)
    r"vp|svp|evp|elder|policeman|policewoman|soldier|firefighter|paramedic|marshal(?!\s+(?:support|resources|evidence|votes))|"
    r"employee|staffer|\w*ethicist|geneticist|lobbyist|linguist|nutritionist|dietitian|dentist|therapist|cartoonist|"
    r"trimmer|skipper|helmsman|tactician|navigator)"
)
# Lower-case words that qualify a job set before a name ("interim president Steve Blackett",
# "acting CEO Gary Scott", "prosecuting barrister Tim Townsend"); verbs and nouns never do, so
# "The board named interim president Steve Blackett" gives "interim president" alone.
QUALIFIER = (
    r"(?:acting|interim|former|longtime|long-time|senior|junior|deputy|assistant|associate|executive|managing|"
    r"general|chief|top|lead|local|retired|veteran|outgoing|incoming|founding|prosecuting|defending|presiding|"
    r"state|federal|city|county|campaign|party|vice|co|police|union|team|news|health|policy|press|communications|"
    r"then-[a-z]+|[a-z]+-(?:time|term|year)|[a-z]{3,}(?:ic|al|ive|ary|ior|ous))"
)
JOB_WORD = re.compile(rf"\b{JOB}\b", re.IGNORECASE)  # a job word anywhere in a phrase
