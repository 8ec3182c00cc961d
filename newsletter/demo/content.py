"""The demo newsletter: its archive page, topics, readers and two issues."""

LANGUAGES = ("en", "ca", "es", "fr", "pt")

INDEX = {
    "en": (
        "Newsletter",
        "newsletter",
        "The network's newsletter: what members publish, the conference and the working groups. Read past issues or subscribe.",
    ),
    "ca": (
        "Butlletí",
        "butlleti",
        "El butlletí de la xarxa: el que publiquen els membres, la conferència i els grups de treball. Llegiu els números anteriors o subscriviu-vos-hi.",
    ),
    "es": (
        "Boletín",
        "boletin",
        "El boletín de la red: lo que publican los miembros, la conferencia y los grupos de trabajo. Lea los números anteriores o suscríbase.",
    ),
    "fr": (
        "Lettre d'information",
        "lettre",
        "La lettre du réseau : ce que publient les membres, la conférence et les groupes de travail. Lisez les numéros précédents ou abonnez-vous.",
    ),
    "pt": (
        "Boletim",
        "boletim",
        "O boletim da rede: o que os membros publicam, a conferência e os grupos de trabalho. Leia os números anteriores ou subscreva.",
    ),
}

#: key → (what its section is, names in each language)
TOPICS = {
    "network": (
        "news",
        {
            "en": "Network news",
            "ca": "Notícies de la xarxa",
            "es": "Noticias de la red",
            "fr": "Nouvelles du réseau",
            "pt": "Notícias da rede",
        },
    ),
    "conference": (
        "conference:13",
        {
            "en": "The Cascais conference",
            "ca": "La conferència de Cascais",
            "es": "La conferencia de Cascais",
            "fr": "La conférence de Cascais",
            "pt": "A conferência de Cascais",
        },
    ),
    "observatories": (
        "group:local-observatories",
        {
            "en": "Local observatories working group",
            "ca": "Grup de treball d'observatoris locals",
            "es": "Grupo de trabajo de observatorios locales",
            "fr": "Groupe de travail des observatoires locaux",
            "pt": "Grupo de trabalho dos observatórios locais",
        },
    ),
    "budgeting": (
        "group:participatory-budgeting",
        {
            "en": "Participatory budgeting working group",
            "ca": "Grup de treball de pressupostos participatius",
            "es": "Grupo de trabajo de presupuestos participativos",
            "fr": "Groupe de travail sur les budgets participatifs",
            "pt": "Grupo de trabalho de orçamentos participativos",
        },
    ),
    "award": (
        None,
        {
            "en": "Best Practice in Citizen Participation award",
            "ca": "Distinció Bona Pràctica en Participació Ciutadana",
            "es": "Distinción Buena Práctica en Participación Ciudadana",
            "fr": "Distinction Bonne Pratique en Participation Citoyenne",
            "pt": "Distinção Boa Prática em Participação Cidadã",
        },
    ),
}

#: 30 readers over the five languages: (language, topics)
READERS = (
    [("en", ("network", "conference", "award"))] * 4
    + [("en", ("observatories",))] * 4
    + [("es", ("network", "conference"))] * 4
    + [("es", ("budgeting", "award"))] * 3
    + [("pt", ("network", "conference", "budgeting"))] * 6
    + [("fr", ("network", "observatories"))] * 5
    + [("ca", ("network", "conference", "observatories", "budgeting", "award"))] * 4
)

SENT_ISSUE = {
    "en": {
        "title": "Newsletter 1: the 2013 work plan",
        "slug": "2013-work-plan",
        "subject": "The network's 2013 work plan",
        "preheader": "Cascais, local observatories and a new award",
        "intro": "The technical secretariat has published the network's work plan for 2013. Here is what it means for members.",
        "text": "<p>The plan sets three lines of work: the 13th conference in Cascais, the working group of local observatories of participatory democracy, and the seventh Best Practice in Citizen Participation award.</p>",
        "heading": "Published recently",
    },
    "ca": {
        "title": "Butlletí 1: el pla de treball 2013",
        "slug": "pla-de-treball-2013",
        "subject": "El pla de treball 2013 de la xarxa",
        "preheader": "Cascais, observatoris locals i una nova distinció",
        "intro": "La secretaria tècnica ha publicat el pla de treball de la xarxa per al 2013. Això és el que suposa per als membres.",
        "text": "<p>El pla fixa tres línies de treball: la 13a conferència a Cascais, el grup de treball d'observatoris locals de democràcia participativa i la setena Distinció Bona Pràctica en Participació Ciutadana.</p>",
        "heading": "Publicat fa poc",
    },
    "es": {
        "title": "Boletín 1: el plan de trabajo 2013",
        "slug": "plan-de-trabajo-2013",
        "subject": "El plan de trabajo 2013 de la red",
        "preheader": "Cascais, observatorios locales y una nueva distinción",
        "intro": "La secretaría técnica ha publicado el plan de trabajo de la red para 2013. Esto es lo que supone para los miembros.",
        "text": "<p>El plan fija tres líneas de trabajo: la 13.ª conferencia en Cascais, el grupo de trabajo de observatorios locales de democracia participativa y la séptima Distinción Buena Práctica en Participación Ciudadana.</p>",
        "heading": "Publicado hace poco",
    },
    "fr": {
        "title": "Lettre 1 : le plan de travail 2013",
        "slug": "plan-de-travail-2013",
        "subject": "Le plan de travail 2013 du réseau",
        "preheader": "Cascais, observatoires locaux et une nouvelle distinction",
        "intro": "Le secrétariat technique a publié le plan de travail du réseau pour 2013. Voici ce qu'il signifie pour les membres.",
        "text": "<p>Le plan fixe trois axes de travail : la 13e conférence à Cascais, le groupe de travail des observatoires locaux de la démocratie participative et la septième Distinction Bonne Pratique en Participation Citoyenne.</p>",
        "heading": "Publié récemment",
    },
    "pt": {
        "title": "Boletim 1: o plano de trabalho 2013",
        "slug": "plano-de-trabalho-2013",
        "subject": "O plano de trabalho 2013 da rede",
        "preheader": "Cascais, observatórios locais e uma nova distinção",
        "intro": "O secretariado técnico publicou o plano de trabalho da rede para 2013. Eis o que significa para os membros.",
        "text": "<p>O plano fixa três linhas de trabalho: a 13.ª conferência em Cascais, o grupo de trabalho dos observatórios locais de democracia participativa e a sétima Distinção Boa Prática em Participação Cidadã.</p>",
        "heading": "Publicado recentemente",
    },
}

DRAFT_ISSUE = {
    "title": "Newsletter 2: on the way to Cascais",
    "slug": "on-the-way-to-cascais",
    "subject": "On the way to Cascais: programme, registration and working groups",
    "preheader": "Register for the sessions of the 13th conference",
    "intro": "Registration for the 13th conference is open. This issue gathers what the network has published since the last one.",
    "heading": "Published since the last issue",
    "upcoming": "Coming up",
    "button": "Register for the conference",
}
