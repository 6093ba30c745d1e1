"""How each language of our sources writes numbers: separators, hedges, number words, multipliers.

`estimates.parse_estimate` reads a phrase with the conventions of the row's language. The word
lists do two jobs: they read the number words ("каля сямі тысяч"), and they find number words
left after the reading ("3,000 people and two children"), which makes the phrase unreadable.
Forms are written as a reader would type them and normalised like the phrases (lower case,
accents dropped). A word missing here makes the parser refuse, never misread: add it here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

# Hedge rules: what the interval of a hedged number is, per data/README.md.
RULES = ("around", "nearly", "more_than", "at_least", "fewer_than", "up_to")
_SYMBOLS = {"~": "around", "≈": "around", ">": "more_than", "≥": "at_least", "<": "fewer_than",
            "≤": "up_to"}


def normalise(text: str) -> str:
    """Lower case, one space for any run of white space (no-break spaces included), accents and
    Arabic vowel marks dropped, ё as е, every decimal digit as ASCII, one apostrophe."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("ё", "е"))
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        kept.append(str(unicodedata.digit(char)) if category == "Nd" else char)
    text = unicodedata.normalize("NFC", "".join(kept))
    for apostrophe in "’ʼ`´":
        text = text.replace(apostrophe, "'")
    return " ".join(text.split())


@dataclass(frozen=True)
class Language:
    """One language's number conventions, every form normalised."""

    code: str
    name: str
    decimal: frozenset[str]  # the decimal mark(s)
    groups: frozenset[str]  # marks that group thousands, besides a space
    hedges: dict[str, str]  # phrase before the number -> rule; every table is longest first
    suffixes: dict[str, str]  # phrase at the end of the phrase -> rule
    numbers: dict[str, Fraction]  # number words that add up: twenty, пяць, двести
    hundreds: frozenset[str]  # words that multiply what precedes by 100: hundred, sute
    scales: dict[str, int]  # multipliers: thousand, k, тыс., mila
    alone: frozenset[str]  # multipliers that mean one of them on their own: тысяча, mille
    after_hedge: frozenset[str]  # ... only after a hedge: 'более тысячи' (elsewhere 'тысячи' = thousands)
    articles: frozenset[str]  # read as one before hundred or a multiplier only: a, un, ein
    between: tuple[tuple[str, str], ...]  # ('between', 'and'), ('от', 'до')
    range_words: tuple[str, ...]  # 'to' of '3,000 to 4,000'
    totals: tuple[str, ...]  # 'a total of': no hedge
    vague: dict[str, tuple[int, int]]  # 'thousands' -> its interval
    leftovers: re.Pattern = field(repr=False)  # number words and hedges that may not follow the number

    def is_word(self, token: str) -> bool:
        return (token in self.numbers or token in self.hundreds or token in self.scales
                or token in self.articles)

    def scale_at(self, text: str, pos: int) -> tuple[int, str, int] | None:
        """A multiplier at `pos` (after at most one space): (end, form, value), or None."""
        start = pos + (text[pos:pos + 1] == " ")
        for form in self.scales:  # longest first
            end = start + len(form)
            if text.startswith(form, start) and (end == len(text) or not text[end].isalnum()
                                                 or not form[-1].isalnum()):
                return end, form, self.scales[form]
        return None

    def leftover(self, rest: str) -> str | None:
        """The first number word, multiplier or hedge in what follows the number, if any."""
        m = self.leftovers.search(rest)
        return m.group() if m else None


def _words(table: str) -> dict[str, Fraction]:
    """'20 twenty\\n3/2 полтора полторы' -> {'twenty': 20, 'полтора': 3/2, ...}."""
    words = {}
    for line in table.strip().splitlines():
        value, *forms = line.split()
        for form in forms:
            words[normalise(form)] = Fraction(value)
    return words


def _teens(*bases: str, oblique: str, strip: int = 1) -> str:
    """Slavic numbers ending in -ь with a genitive in -и/-і: 'пятнадцать' -> also 'пятнадцати'."""
    return " ".join(f"{b} {b[:-strip]}{oblique}" for b in bases)


def _hedges(**rules: str) -> dict[str, str]:
    table = dict(_SYMBOLS)
    for rule, phrases in rules.items():
        assert rule in RULES, rule
        for phrase in phrases.split("|"):
            table[normalise(phrase)] = rule
    return table


_LATIN_SCALES = "1000 k\n1000000 mln"
_ALL: dict[str, dict] = {}


def _spec(code, name, *, numbers, scales, hedges, decimal=",", groups=".", hundreds="", alone="",
          after_hedge="", articles="", suffixes=None, between="", range_words="", totals="",
          vague=None, detect=""):
    _ALL[code] = dict(
        code=code, name=name, decimal=frozenset(decimal), groups=frozenset(groups),
        hedges=hedges, suffixes=suffixes or {}, numbers=_words(numbers),
        hundreds=frozenset(normalise(w) for w in hundreds.split()), scales=_words(scales),
        alone=frozenset(normalise(w) for w in alone.split()),
        after_hedge=frozenset(normalise(w) for w in after_hedge.split()),
        articles=frozenset(normalise(w) for w in articles.split()),
        between=tuple(tuple(normalise(w) for w in pair.split("/")) for pair in between.split("|") if pair),
        range_words=tuple(normalise(w) for w in range_words.split()),
        totals=tuple(normalise(t) for t in totals.split("|") if t),
        vague={normalise(k): v for k, v in (vague or {}).items()},
        detect=detect,
    )


_spec(
    "en", "English", decimal=".", groups=",",
    numbers="""
        0 zero
        1 one
        2 two
        3 three
        4 four
        5 five
        6 six
        7 seven
        8 eight
        9 nine
        10 ten
        11 eleven
        12 twelve
        13 thirteen
        14 fourteen
        15 fifteen
        16 sixteen
        17 seventeen
        18 eighteen
        19 nineteen
        20 twenty
        30 thirty
        40 forty
        50 fifty
        60 sixty
        70 seventy
        80 eighty
        90 ninety""",
    hundreds="hundred",
    scales=_LATIN_SCALES + "\n1000 thousand\n1000000 million\n1000000000 billion bn",
    articles="a",
    hedges=_hedges(
        around="about|around|approximately|roughly|some|an estimated|estimated at",
        nearly="nearly|almost|close to|just under",
        more_than="more than|over|above|in excess of|exceeded",
        at_least="at least|no fewer than|no less than|a minimum of",
        fewer_than="fewer than|less than|under|below",
        up_to="up to|at most|no more than"),
    suffixes={"or more": "at_least", "at least": "at_least", "or fewer": "up_to", "or less": "up_to",
              "at most": "up_to"},
    between="between/and|from/to", range_words="to", totals="a total of",
    vague={"hundreds of thousands": (200_000, 999_999), "tens of thousands": (20_000, 99_999),
           "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999)},
    detect=r"hundreds|thousands|millions|billions|dozens?|half|couple|tens|scores",
)

_spec(
    "ru", "Russian",
    numbers=f"""
        0 ноль нуль
        1 один одна одно одного одной одному одним одном одну одною
        2 два две двух двум двумя
        3 три трех трем тремя
        4 четыре четырех четырем четырьмя
        5 пять пяти пятью
        6 шесть шести шестью
        7 семь семи семью
        8 восемь восьми восемью восьмью
        9 девять девяти девятью
        10 десять десяти десятью
        11 {_teens("одиннадцать", oblique="и")}
        12 {_teens("двенадцать", oblique="и")}
        13 {_teens("тринадцать", oblique="и")}
        14 {_teens("четырнадцать", oblique="и")}
        15 {_teens("пятнадцать", oblique="и")}
        16 {_teens("шестнадцать", oblique="и")}
        17 {_teens("семнадцать", oblique="и")}
        18 {_teens("восемнадцать", oblique="и")}
        19 {_teens("девятнадцать", oblique="и")}
        20 {_teens("двадцать", oblique="и")}
        30 {_teens("тридцать", oblique="и")}
        40 сорок сорока
        50 пятьдесят пятидесяти
        60 шестьдесят шестидесяти
        70 семьдесят семидесяти
        80 восемьдесят восьмидесяти
        90 девяносто девяноста
        100 сто ста
        200 двести двухсот
        300 триста трехсот
        400 четыреста четырехсот
        500 пятьсот пятисот
        600 шестьсот шестисот
        700 семьсот семисот
        800 восемьсот восьмисот
        900 девятьсот девятисот
        3/2 полтора полторы полутора""",
    scales="""
        1000 тысяча тысячи тысяч тысячу тысячей тысячею тысячью тысяче тысячам тысячами тысячах тыс тыс.
        1000000 миллион миллиона миллионов миллиону миллионом миллионе миллионы
        1000000 миллионам миллионами миллионах млн млн.
        1000000000 миллиард миллиарда миллиардов млрд млрд.""",
    alone="тысяча тысячу тысячей миллион", after_hedge="тысячи миллиона",
    hedges=_hedges(
        around="около|примерно|приблизительно|порядка|ориентировочно",
        nearly="почти|без малого",
        more_than="более|более чем|больше|больше чем|свыше|превысило|превысила|превысил|превысили|превышает",
        at_least="не менее|не меньше|не менее чем|как минимум|минимум|по меньшей мере|по крайней мере",
        fewer_than="менее|меньше|менее чем|меньше чем",
        up_to="до|не более|не больше|не более чем|максимум|"
              "не превысило|не превысила|не превысил|не превышает"),
    suffixes={normalise("с лишним"): "more_than", normalise("и более"): "at_least",
              normalise("и больше"): "at_least"},
    between="от/до|между/и", totals="в общей сложности|всего",
    detect=r"\w*тысяч\w*|\w*миллион\w*|\w*миллиард\w*|сотн\w*|\w*десят\w*|\w+дцат\w*|"
           r"дюжин\w*|полтор\w*|\w+сот|\w*сотн\w*|оба|обе|обоих|обеих|"
           r"(?:дво|тро|четвер|пятер|шестер|семер|восьмер|девятер|десятер)(?:е|о|их|им|ими)",
)

_spec(
    "be", "Belarusian",
    numbers=f"""
        0 нуль
        1 адзін адна адно аднаго адной аднаму адным адну адною
        2 два дзве двух двум двума
        3 тры трох тром трыма
        4 чатыры чатырох чатыром чатырма
        5 пяць пяці пяццю
        6 шэсць шасці шасцю
        7 сем сямі сямю
        8 восем васьмі васьмю
        9 дзевяць дзевяці дзевяццю
        10 дзесяць дзесяці дзесяццю
        11 {_teens("адзінаццаць", oblique="ці", strip=2)}
        12 {_teens("дванаццаць", oblique="ці", strip=2)}
        13 {_teens("трынаццаць", oblique="ці", strip=2)}
        14 {_teens("чатырнаццаць", oblique="ці", strip=2)}
        15 {_teens("пятнаццаць", oblique="ці", strip=2)}
        16 {_teens("шаснаццаць", oblique="ці", strip=2)}
        17 {_teens("сямнаццаць", oblique="ці", strip=2)}
        18 {_teens("васямнаццаць", oblique="ці", strip=2)}
        19 {_teens("дзевятнаццаць", oblique="ці", strip=2)}
        20 {_teens("дваццаць", oblique="ці", strip=2)}
        30 {_teens("трыццаць", oblique="ці", strip=2)}
        40 сорак сарака
        50 пяцьдзясят пяцьдзесят пяцідзесяці
        60 шэсцьдзясят шэсцьдзесят шасцідзесяці
        70 семдзесят сямідзесяці
        80 восемдзесят васьмідзесяці
        90 дзевяноста
        100 сто ста
        200 дзвесце двухсот
        300 трыста трохсот
        400 чатырыста чатырохсот
        500 пяцьсот пяцісот
        600 шэсцьсот шасцісот
        700 семсот сямісот
        800 восемсот васьмісот
        900 дзевяцьсот дзевяцісот
        3/2 паўтара паўтары""",
    scales="""
        1000 тысяча тысячы тысяч тысячу тысячай тысячаю тысячы тысячам тысячамі тысячах тыс тыс.
        1000000 мільён мільёна мільёнаў мільёну мільёнам мільёне мільёны мільёнамі мільёнах млн млн.
        1000000000 мільярд мільярда мільярдаў млрд млрд.""",
    alone="тысяча тысячу мільён", after_hedge="тысячы мільёна",
    hedges=_hedges(
        around="каля|прыкладна|прыблізна",
        nearly="амаль",
        more_than="больш за|больш чым|больш як|болей за|болей чым|болей як|звыш|больш чым пра|"
                  "больш за пра|перавысіла|перавысіў|перавысілі|перавысіла|перавышае",
        at_least="не менш за|не менш як|не менш чым|як мінімум|мінімум|прынамсі|як мінімум пра|мінімум пра",
        fewer_than="менш за|менш чым|менш як",
        up_to="да|не больш за|не больш як|не больш чым|максімум"),
    suffixes={normalise("з лішнім"): "more_than", normalise("з гакам"): "more_than",
              normalise("і больш"): "at_least"},
    between="ад/да|паміж/і", totals="агулам|усяго|ўсяго",
    detect=r"\w*тысяч\w*|\w*мільён\w*|\w*мільярд\w*|\w*сотн\w*|\w*дзясят\w*|\w*дзесят\w*|"
           r"\w+наццац\w*|паўтар\w*|\w+сот|абодва|абедзве|"
           r"(?:дво|тро|чацвёр|пяцёр|шасцёр|сямёр|васьмёр|дзевяцёр|дзесяцёр)(?:е|а|ых|ым|ымі)",
)

_spec(
    "uk", "Ukrainian",
    numbers=f"""
        0 нуль
        1 один одна одне одного одної одному одній одним одну
        2 два дві двох двом двома
        3 три трьох трьом трьома
        4 чотири чотирьох чотирьом чотирма
        5 п'ять п'яти п'ятьох п'ятьма
        6 шість шести шістьох шістьма
        7 сім семи сімох сьома
        8 вісім восьми вісьмох вісьма
        9 дев'ять дев'яти дев'ятьох
        10 десять десяти десятьох
        11 {_teens("одинадцять", oblique="и")}
        12 {_teens("дванадцять", oblique="и")}
        13 {_teens("тринадцять", oblique="и")}
        14 {_teens("чотирнадцять", oblique="и")}
        15 {_teens("п'ятнадцять", oblique="и")}
        16 {_teens("шістнадцять", oblique="и")}
        17 {_teens("сімнадцять", oblique="и")}
        18 {_teens("вісімнадцять", oblique="и")}
        19 {_teens("дев'ятнадцять", oblique="и")}
        20 {_teens("двадцять", oblique="и")}
        30 {_teens("тридцять", oblique="и")}
        40 сорок сорока
        50 п'ятдесят п'ятдесяти
        60 шістдесят шістдесяти
        70 сімдесят сімдесяти
        80 вісімдесят вісімдесяти
        90 дев'яносто дев'яноста
        100 сто ста
        200 двісті двохсот
        300 триста трьохсот
        400 чотириста чотирьохсот
        500 п'ятсот п'ятисот
        600 шістсот шестисот
        700 сімсот семисот
        800 вісімсот восьмисот
        900 дев'ятсот дев'ятисот
        3/2 півтора півтори""",
    scales="""
        1000 тисяча тисячі тисяч тисячу тисячею тисячам тисячами тисячах тис тис.
        1000000 мільйон мільйона мільйонів мільйону мільйоном мільйоні мільйони млн млн.
        1000000000 мільярд мільярда мільярдів млрд млрд.""",
    alone="тисяча тисячу мільйон", after_hedge="тисячі мільйона",
    hedges=_hedges(
        around="близько|приблизно|орієнтовно",
        nearly="майже",
        more_than="понад|більше ніж|більш ніж|більше за|більш як|більше|"
                  "перевищила|перевищило|перевищив|перевищили",
        at_least="щонайменше|не менше ніж|не менше|не менш як|принаймні|мінімум|як мінімум",
        fewer_than="менше ніж|менш ніж|менше за",
        up_to="до|не більше ніж|не більше|максимум"),
    between="від/до|між/і", totals="загалом|усього|всього",
    detect=r"\w*тисяч\w*|\w*мільйон\w*|\w*мільярд\w*|\w*сотн\w*|\w*десят\w*|\w+надцят\w*|"
           r"півтор\w*|\w+сот|обидва|обидві|(?:дво|тро|четвер|п'ятер|шестер|семер)(?:є|о|х|м|ма)",
)

_spec(
    "pl", "Polish",
    numbers="""
        0 zero
        1 jeden jedna jedno jednego jednej jednemu jednym jedną
        2 dwa dwie dwóch dwu dwoma dwom dwóm dwiema
        3 trzy trzech trzem trzema
        4 cztery czterech czterem czterema
        5 pięć pięciu pięcioma
        6 sześć sześciu sześcioma
        7 siedem siedmiu siedmioma
        8 osiem ośmiu ośmioma
        9 dziewięć dziewięciu dziewięcioma
        10 dziesięć dziesięciu dziesięcioma
        11 jedenaście jedenastu
        12 dwanaście dwunastu
        13 trzynaście trzynastu
        14 czternaście czternastu
        15 piętnaście piętnastu
        16 szesnaście szesnastu
        17 siedemnaście siedemnastu
        18 osiemnaście osiemnastu
        19 dziewiętnaście dziewiętnastu
        20 dwadzieścia dwudziestu
        30 trzydzieści trzydziestu
        40 czterdzieści czterdziestu
        50 pięćdziesiąt pięćdziesięciu
        60 sześćdziesiąt sześćdziesięciu
        70 siedemdziesiąt siedemdziesięciu
        80 osiemdziesiąt osiemdziesięciu
        90 dziewięćdziesiąt dziewięćdziesięciu
        100 sto stu
        200 dwieście dwustu
        300 trzysta trzystu
        400 czterysta czterystu
        500 pięćset pięciuset
        600 sześćset sześciuset
        700 siedemset siedmiuset
        800 osiemset ośmiuset
        900 dziewięćset dziewięciuset
        3/2 półtora półtorej""",
    scales=_LATIN_SCALES + """
        1000 tysiąc tysiąca tysiące tysięcy tysiącem tysiącu tysiącom tysiącami tysiącach tys tys.
        1000000 milion miliona miliony milionów milionem milionie mln.
        1000000000 miliard miliarda miliardy miliardów mld mld.""",
    alone="tysiąc milion", after_hedge="tysiąca miliona",
    hedges=_hedges(
        around="około|ok.|mniej więcej|circa",
        nearly="prawie|niemal|blisko|niespełna",
        more_than="ponad|więcej niż|powyżej|przeszło",
        at_least="co najmniej|przynajmniej|minimum",
        fewer_than="mniej niż|poniżej",
        up_to="do|nie więcej niż|maksymalnie|najwyżej"),
    between="od/do|między/a", totals="łącznie|w sumie|ogółem",
    detect=r"\w*tysi[ae]c\w*|\w*milion\w*|\w*miliard\w*|setk\w*|setek|dziesiat\w*|\w+nascie|"
           r"\w+nastu|\w+dziesci|\w+dziesiat|półto\w*|oboje|obaj|obie|obu|"
           r"(?:dwoj|troj|czwor|pięcior|sześcior|siedmior|ośmior|dziewięcior|dziesięcior)(?:e|o|ga|gu|giem)",
)

_spec(
    "de", "German",
    numbers="""
        0 null
        1 eins
        2 zwei
        3 drei
        4 vier
        5 fünf
        6 sechs
        7 sieben
        8 acht
        9 neun
        10 zehn
        11 elf
        12 zwölf
        13 dreizehn
        14 vierzehn
        15 fünfzehn
        16 sechzehn
        17 siebzehn
        18 achtzehn
        19 neunzehn
        20 zwanzig
        30 dreißig
        40 vierzig
        50 fünfzig
        60 sechzig
        70 siebzig
        80 achtzig
        90 neunzig""",
    hundreds="hundert",
    scales=_LATIN_SCALES + """
        1000 tausend tsd tsd.
        1000000 million millionen mio mio.
        1000000000 milliarde milliarden mrd mrd.""",
    alone="tausend hundert", articles="ein eine einen einem einer",
    hedges=_hedges(
        around="rund|etwa|ungefähr|circa|ca.|zirka",
        nearly="fast|knapp|beinahe|nahezu",
        more_than="mehr als|über",
        at_least="mindestens|wenigstens|zumindest",
        fewer_than="weniger als|unter",
        up_to="bis zu|höchstens|maximal"),
    between="zwischen/und|von/bis", range_words="bis", totals="insgesamt",
    detect=r"\w*hundert\w*|\w*tausend\w*|\w*million\w*|\w*milliard\w*|\w+zehn|\w+zig|\w+ssig|dutzend\w*",
)

_spec(
    "nl", "Dutch",
    numbers="""
        0 nul
        2 twee
        3 drie
        4 vier
        5 vijf
        6 zes
        7 zeven
        8 acht
        9 negen
        10 tien
        11 elf
        12 twaalf
        13 dertien
        14 veertien
        15 vijftien
        16 zestien
        17 zeventien
        18 achttien
        19 negentien
        20 twintig
        30 dertig
        40 veertig
        50 vijftig
        60 zestig
        70 zeventig
        80 tachtig
        90 negentig""",
    hundreds="honderd",
    scales=_LATIN_SCALES + """
        1000 duizend
        1000000 miljoen
        1000000000 miljard mld""",
    alone="duizend honderd", articles="een",
    hedges=_hedges(
        around="ongeveer|circa|ca.|zo'n|rond de|omstreeks|zowat",
        nearly="bijna|nagenoeg",
        more_than="meer dan",
        at_least="minstens|ten minste|tenminste|minimaal",
        fewer_than="minder dan",
        up_to="maximaal|hoogstens"),
    between="tussen/en|van/tot", totals="in totaal",
    detect=r"\w*honderd\w*|\w*duizend\w*|\w*miljoen\w*|\w*miljard\w*|\w+tien|\w+tig|tientallen|dozijn\w*",
)

_spec(
    "fr", "French",
    numbers="""
        0 zéro
        2 deux
        3 trois
        4 quatre
        5 cinq
        6 six
        7 sept
        8 huit
        9 neuf
        10 dix
        11 onze
        12 douze
        13 treize
        14 quatorze
        15 quinze
        16 seize
        17 dix-sept
        18 dix-huit
        19 dix-neuf
        20 vingt
        30 trente
        40 quarante
        50 cinquante
        60 soixante
        70 soixante-dix
        80 quatre-vingt quatre-vingts
        90 quatre-vingt-dix""",
    hundreds="cent cents",
    scales=_LATIN_SCALES + """
        1000 mille
        1000000 million millions
        1000000000 milliard milliards""",
    alone="mille cent", articles="un une",
    hedges=_hedges(
        around="environ|quelque|à peu près|approximativement",
        nearly="près de|près d'|presque|quasiment",
        more_than="plus de|plus d'|au-delà de",
        at_least="au moins|au minimum",
        fewer_than="moins de|moins d'",
        up_to="jusqu'à|au plus|au maximum"),
    between="entre/et", totals="au total|en tout",
    detect=r"centaines?|milliers?|dizaines?|douzaines?|\w*million\w*|\w*milliard\w*",
)

_spec(
    "it", "Italian",
    numbers="""
        0 zero
        2 due
        3 tre
        4 quattro
        5 cinque
        6 sei
        7 sette
        8 otto
        9 nove
        10 dieci
        11 undici
        12 dodici
        13 tredici
        14 quattordici
        15 quindici
        16 sedici
        17 diciassette
        18 diciotto
        19 diciannove
        20 venti
        30 trenta
        40 quaranta
        50 cinquanta
        60 sessanta
        70 settanta
        80 ottanta
        90 novanta
        100 cento
        200 duecento
        300 trecento
        400 quattrocento
        500 cinquecento
        600 seicento
        700 settecento
        800 ottocento
        900 novecento""",
    scales=_LATIN_SCALES + """
        1000 mille mila
        1000000 milione milioni
        1000000000 miliardo miliardi mld""",
    alone="mille", articles="un una uno",
    hedges=_hedges(
        around="circa|intorno a|intorno ai|intorno alle|approssimativamente|all'incirca",
        nearly="quasi|poco meno di",
        more_than="oltre|più di|oltre i|oltre le",
        at_least="almeno|non meno di",
        fewer_than="meno di",
        up_to="fino a|fino ai|fino alle|non più di|al massimo"),
    between="tra/e|fra/e|da/a", totals="in totale|un totale di|complessivamente",
    detect=r"\w+mila|\w*milion\w*|\w*miliard\w*|\w+cento|centinai\w*|migliai\w*|decin\w*|dozzin\w*",
)

_spec(
    "es", "Spanish",
    numbers="""
        0 cero
        1 uno
        2 dos
        3 tres
        4 cuatro
        5 cinco
        6 seis
        7 siete
        8 ocho
        9 nueve
        10 diez
        11 once
        12 doce
        13 trece
        14 catorce
        15 quince
        16 dieciséis
        17 diecisiete
        18 dieciocho
        19 diecinueve
        20 veinte
        30 treinta
        40 cuarenta
        50 cincuenta
        60 sesenta
        70 setenta
        80 ochenta
        90 noventa
        100 cien ciento
        200 doscientos doscientas
        300 trescientos trescientas
        400 cuatrocientos cuatrocientas
        500 quinientos quinientas
        600 seiscientos seiscientas
        700 setecientos setecientas
        800 ochocientos ochocientas
        900 novecientos novecientas""",
    scales=_LATIN_SCALES + """
        1000 mil
        1000000 millón millones
        1000000000 millardo millardos""",
    alone="mil", articles="un una",
    hedges=_hedges(
        around="unos|unas|alrededor de|aproximadamente|cerca de|en torno a",
        nearly="casi|poco menos de",
        more_than="más de|por encima de",
        at_least="al menos|por lo menos|como mínimo",
        fewer_than="menos de",
        up_to="hasta|como máximo|no más de"),
    between="entre/y", totals="un total de|en total",
    detect=r"veinti\w*|miles|millar\w*|cientos|centenar\w*|decenas|docenas?|\w*millon\w*|\w*millard\w*",
)

_spec(
    "pt", "Portuguese",
    numbers="""
        0 zero
        2 dois duas
        3 três
        4 quatro
        5 cinco
        6 seis
        7 sete
        8 oito
        9 nove
        10 dez
        11 onze
        12 doze
        13 treze
        14 catorze quatorze
        15 quinze
        16 dezesseis dezasseis
        17 dezessete dezassete
        18 dezoito
        19 dezenove dezanove
        20 vinte
        30 trinta
        40 quarenta
        50 cinquenta
        60 sessenta
        70 setenta
        80 oitenta
        90 noventa
        100 cem cento
        200 duzentos duzentas
        300 trezentos trezentas
        400 quatrocentos quatrocentas
        500 quinhentos quinhentas
        600 seiscentos seiscentas
        700 setecentos setecentas
        800 oitocentos oitocentas
        900 novecentos novecentas""",
    scales=_LATIN_SCALES + """
        1000 mil
        1000000 milhão milhões""",
    alone="mil", articles="um uma",
    hedges=_hedges(
        around="cerca de|aproximadamente|em torno de|por volta de",
        nearly="quase|perto de",
        more_than="mais de",
        at_least="pelo menos|no mínimo|ao menos",
        fewer_than="menos de",
        up_to="até|no máximo"),
    between="entre/e", totals="um total de|no total|ao todo",
    detect=r"milhares?|centenas|dezenas|duzias?|\w*milh[aoõ]\w*|\w*bilh[aoõ]\w*|\w*bili[aoõ]\w*",
)

_spec(
    "ro", "Romanian",
    numbers="""
        0 zero
        1 unu una
        2 doi două
        3 trei
        4 patru
        5 cinci
        6 șase
        7 șapte
        8 opt
        9 nouă
        10 zece
        11 unsprezece
        12 doisprezece douăsprezece
        13 treisprezece
        14 paisprezece
        15 cincisprezece
        16 șaisprezece
        17 șaptesprezece
        18 optsprezece
        19 nouăsprezece
        20 douăzeci
        30 treizeci
        40 patruzeci
        50 cincizeci
        60 șaizeci
        70 șaptezeci
        80 optzeci
        90 nouăzeci""",
    hundreds="sută sute",
    scales=_LATIN_SCALES + """
        1000 mie mii
        1000000 milion milioane
        1000000000 miliard miliarde""",
    articles="un o",
    hedges=_hedges(
        around="aproximativ|circa|cca.|în jur de|cam|vreo",
        nearly="aproape|aproape de",
        more_than="peste|mai mult de|mai mult decât|mai bine de",
        at_least="cel puțin|minimum",
        fewer_than="mai puțin de|sub",
        up_to="până la|maximum"),
    between="între/și|de la/la", totals="în total|un total de",
    detect=r"\w+sprezece|\w+zeci|sute|mii|\w*milioane|\w*miliarde|zeci",
)

_spec(
    "et", "Estonian",
    numbers="""
        0 null
        1 üks ühe
        2 kaks kahe
        3 kolm kolme
        4 neli nelja
        5 viis viie
        6 kuus kuue
        7 seitse seitsme
        8 kaheksa
        9 üheksa
        10 kümme kümne
        11 üksteist
        12 kaksteist
        13 kolmteist
        14 neliteist
        15 viisteist
        16 kuusteist
        17 seitseteist
        18 kaheksateist
        19 üheksateist
        20 kakskümmend
        30 kolmkümmend
        40 nelikümmend
        50 viiskümmend
        60 kuuskümmend
        70 seitsekümmend
        80 kaheksakümmend
        90 üheksakümmend
        100 sada
        200 kakssada
        300 kolmsada
        400 nelisada
        500 viissada
        600 kuussada
        700 seitsesada
        800 kaheksasada
        900 üheksasada""",
    scales=_LATIN_SCALES + """
        1000 tuhat tuhande tuhandet tuh tuh.
        1000000 miljon miljoni miljonit
        1000000000 miljard miljardi miljardit""",
    alone="tuhat",
    hedges=_hedges(
        around="umbes|ligikaudu|u.|circa",
        nearly="peaaegu|ligi",
        more_than="enam kui|rohkem kui|üle",
        at_least="vähemalt",
        fewer_than="vähem kui|alla",
        up_to="kuni|mitte rohkem kui|maksimaalselt"),
    totals="kokku",
    detect=r"\w*kümme\w*|\w*kümne\w*|\w*sada\w*|\w*saja\w*|\w*tuhat\w*|\w*tuhand\w*|"
           r"\w*miljon\w*|\w*miljard\w*|\w+teist\w*",
)

_spec(
    "fi", "Finnish",
    numbers="""
        0 nolla
        1 yksi yhden
        2 kaksi kahden
        3 kolme kolmen
        4 neljä neljän
        5 viisi viiden
        6 kuusi kuuden
        7 seitsemän
        8 kahdeksan
        9 yhdeksän
        10 kymmenen
        100 sata sataa""",
    scales=_LATIN_SCALES + """
        1000 tuhat tuhatta tuhannen tuh tuh.
        1000000 miljoona miljoonaa miljoonan milj milj.""",
    alone="tuhat",
    hedges=_hedges(
        around="noin|suunnilleen|arviolta|n.",
        nearly="lähes|melkein|miltei|liki",
        more_than="yli|enemmän kuin",
        at_least="vähintään|ainakin",
        fewer_than="alle|vähemmän kuin",
        up_to="enintään|korkeintaan"),
    totals="yhteensä|kaikkiaan",
    detect=r"\w*toista\w*|\w*kymmen\w*|\w*sata\w*|\w*sada\w*|\w*satoja\w*|\w*tuha\w*|"
           r"\w*miljoon\w*|\w*miljard\w*",
)

_spec(
    "ar", "Arabic", decimal=".\u066b", groups=",\u066c",
    numbers="""
        1 واحد
        2 اثنان اثنين
        3 ثلاث ثلاثة
        4 أربع أربعة
        5 خمس خمسة
        6 ست ستة
        7 سبع سبعة
        8 ثمان ثماني ثمانية
        9 تسع تسعة
        10 عشر عشرة
        20 عشرون عشرين
        30 ثلاثون ثلاثين
        40 أربعون أربعين
        50 خمسون خمسين
        60 ستون ستين
        70 سبعون سبعين
        80 ثمانون ثمانين
        90 تسعون تسعين
        100 مئة مائة
        200 مئتان مئتين مائتان مائتين
        2000 ألفان ألفين ألفا""",
    scales="""
        1000 ألف آلاف
        1000000 مليون ملايين
        1000000000 مليار مليارات""",
    alone="ألف مليون",
    hedges=_hedges(
        around="حوالي|حوالى|نحو|قرابة|زهاء|ما يقارب",
        more_than="أكثر من|ما يزيد على|ما يزيد عن|أزيد من",
        at_least="ما لا يقل عن",
        fewer_than="أقل من"),
    suffixes={normalise("على الأقل"): "at_least", normalise("تقريبا"): "around"},
    detect=r"(?:و|ف|ب|ل)?(?:ال)?(?:مئات|آلاف|ألوف|عشرات|ملايين)",
)


def _leftover_pattern(spec: dict, every_scale: set[str]) -> re.Pattern:
    """Number words of the language, every language's multipliers, and the language's hedges of
    more than one word (a single 'over' or 'около' after the number is an ordinary word)."""
    words = {w for w in (*spec["numbers"], *spec["hundreds"], *every_scale) if w}
    hedges = {h for h in (*spec["hedges"], *spec["suffixes"]) if " " in h and h[-1].isalnum()}
    literal = "|".join(re.escape(w) for w in sorted(words | hedges, key=len, reverse=True))
    extra = normalise(spec["detect"]) if spec["detect"] else ""
    clitic = "(?:و|ف|ب|ل)?(?:ال)?" if spec["code"] == "ar" else ""
    alternatives = f"{clitic}(?:{literal})" + (f"|{extra}" if extra else "")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)|[+~≈<>≤≥]")


def _longest_first(table):
    """Tables of phrases in the order the parser tries them: 'more than' before 'more'."""
    if isinstance(table, dict):
        return dict(sorted(table.items(), key=lambda item: -len(item[0])))
    return tuple(sorted(table, key=len, reverse=True))


def _build() -> dict[str, Language]:
    every_scale = {form for spec in _ALL.values() for form in spec["scales"]}
    ordered = ("hedges", "suffixes", "scales", "totals", "vague", "range_words")
    return {code: Language(**{k: _longest_first(v) if k in ordered else v
                              for k, v in spec.items() if k != "detect"},
                           leftovers=_leftover_pattern(spec, every_scale))
            for code, spec in _ALL.items()}


LANGUAGES = _build()


def language(code: str) -> Language:
    """The conventions for an ISO 639-1 code; KeyError if we do not read that language."""
    return LANGUAGES[code]
