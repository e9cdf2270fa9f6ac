"""The words of posts and of the sentences that give them: role nouns ("губернатор",
"посол"), the verbs that put a person in a post ("назначить", "возглавлять"), and the
limits of how far a role may reach.
"""

from __future__ import annotations

from bilat.extract.parse.textforms import (
    DASHES,
)

# Head nouns of a role (lemmas). A person's role is the noun group one of these heads.
ROLE_WORDS = frozenset(
    {
        "глава",
        "губернатор",
        "вице-губернатор",
        "мэр",
        "аким",
        "хоким",
        "президент",
        "вице-президент",
        "премьер-министр",
        "премьер",
        "вице-премьер",
        "министр",
        "вице-министр",
        "замминистра",
        "заместитель",
        "зампред",
        "председатель",
        "сопредседатель",
        "директор",
        "гендиректор",
        "руководитель",
        "начальник",
        "управляющий",
        "посол",
        "консул",
        "генконсул",
        "атташе",
        "секретарь",
        "советник",
        "представитель",
        "полпред",
        "уполномоченный",
        "спикер",
        "депутат",
        "сенатор",
        "член",
        "координатор",
        "лидер",
        "ректор",
        "проректор",
        "декан",
        "профессор",
        "доцент",
        "эксперт",
        "аналитик",
        "политолог",
        "экономист",
        "дипломат",
        "журналист",
        "корреспондент",
        "исследователь",
        "сотрудник",
        "специалист",
        "основатель",
        "сооснователь",
        "владелец",
        "совладелец",
        "акционер",
        "менеджер",
        "генсек",
        "генсекретарь",
        "канцлер",
        "король",
        "шейх",
        "эмир",
        "госсекретарь",
        "вице-мэр",
        "префект",
        "начштаба",
        "командующий",
        "прокурор",
        "судья",
        "омбудсмен",
        "правозащитник",
        "тренер",
        "главнокомандующий",
        "пресс-секретарь",
        "замглавы",
        "замгубернатора",
        "завкафедрой",
        "заведующий",
        "научный",
        "историк",
        "кандидат",
        "доктор",
        "академик",
        "вице-спикер",
        "президент-гендиректор",
        "руководство",
        # sport, media, the army, the church: factRuEval's news names them as often as officials
        "полузащитник",
        "защитник",
        "нападающий",
        "форвард",
        "вратарь",
        "голкипер",
        "капитан",
        "игрок",
        "пилот",
        "гонщик",
        "бундестренер",
        "наставник",
        "фотограф",
        "оператор",
        "редактор",
        "главред",
        "обозреватель",
        "колумнист",
        "ведущий",
        "солист",
        "вокалист",
        "режиссер",
        "режиссёр",
        "продюсер",
        "астронавт",
        "космонавт",
        "докладчик",
        "наблюдатель",
        "парламентарий",
        "архиепископ",
        "митрополит",
        "патриарх",
        "епископ",
        "муфтий",
        "царь",
        "шеф",
        "генерал",
        "генерал-майор",
        "генерал-лейтенант",
        "генерал-полковник",
        "полковник",
        "адмирал",
        "маршал",
        "адвокат",
        "следователь",
        "председательствующий",
        "инженер",
        "рабочий",
        "политик",
        "бизнесмен",
        "предприниматель",
        "банкир",
        "писатель",
        "поэт",
        "актер",
        "актёр",
        "актриса",
        "певец",
        "певица",
        "музыкант",
        "композитор",
        "художник",
        "ученый",
        "учёный",
        "физик",
        "юрист",
        "врач",
        "помощник",
        "конгрессмен",
        "командир",
        "главком",
        "футболист",
        "хоккеист",
        "теннисист",
        "теннисистка",
        "боксер",
        "боксёр",
        "спортсмен",
        "спортсменка",
        "журналистка",
        "председательница",
        "директриса",
        "топ-менеджер",
    }
)


# Heads that name a group or an office, not a person: a role, but never a speaker alone.
GROUP_HEADS = frozenset({"руководство"})


# Degrees come before the real post: "кандидат исторических наук, и.о. профессора …".
DEGREE_HEADS = frozenset({"кандидат", "доктор", "академик"})


# "исполняющий обязанности", "врио": markers that belong to the role, not to a clause.
ROLE_PREFIXES = frozenset({"и.о.", "и.о", "врио", "вице", "экс"})


# Tokens a role may run over between its head and the name: its genitive dependents,
# prepositions ("посол РК в РФ"), quotes and brackets around a name.
ROLE_BODY_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "X"})


# A role longer than this is a clause, not a title (the longest in the dev articles: 14).
MAX_ROLE_TOKENS = 18


# Titles listed before one name: "депутат собрания, сопредседатель движения, координатор …".
MAX_LISTED_ROLES = 3


# Verbs of holding a post, with the post in the instrumental after them.
POST_VERBS = frozenset(
    {
        "стать",
        "становиться",
        "являться",
        "назначить",
        "назначать",
        "избрать",
        "избирать",
        "работать",
        "служить",
        "остаться",
        "оставаться",
        "утвердить",
        "переизбрать",
        "работавший",
        "назначенный",
    }
)


# A role that opens a sentence: at most this many adjectives before its head ("Бывший
# премьер-министр Израиля"), and a verb right after it, so that it is the subject.
MAX_OPENING_MODIFIERS = 2


OPENING_VERB_POS = frozenset({"VERB", "AUX", "ADV"})


# Verbs of taking or leaving a post, and the words for the post itself: "занять пост
# премьер-министра", "занимающий должность директора", "покинул пост главы".
OFFICE_VERBS = frozenset(
    {
        "занять",
        "занимать",
        "покинуть",
        "покидать",
        "оставить",
        "оставлять",
        "сохранить",
        "получить",
        "претендовать",
    }
)


OFFICE_NOUNS = frozenset({"пост", "должность"})


# Participles that name a post: "управляющий компанией", "заведующий кафедрой" (the tagger
# gives them the verb's lemma), with the role word each stands for.
PARTICIPLE_ROLES = {
    "управлять": "управляющий",
    "заведовать": "заведующий",
    "командовать": "командующий",
    "председательствовать": "председательствующий",
}


# "исполняющий обязанности представителя": the words that make a role acting.
ACTING_WORDS = ("исполнять", "обязанность")


# "быть" holds a post only with the role right behind it: "Кан будет запасным вратарём".
COPULAS = frozenset({"быть"})


# Verbs that give a post to their object: "назвал Лемана первым вратарём".
NAMING_VERBS = frozenset(
    {
        "назвать",
        "называть",
        "назначить",
        "назначать",
        "избрать",
        "избирать",
        "утвердить",
        "объявить",
    }
)


# How many tokens after a name its verb of holding a post may stand ("Иванов, который …").
MAX_PREDICATE_GAP = 4


# Dashes and commas that may stand between a name and the role after it.
APPOSITION_PUNCT = DASHES | {","}


# Envoys: the country after "в" is where they serve, not whose office it is.
ENVOY_WORDS = frozenset({"посол", "консул", "генконсул", "посланник", "атташе"})
