"""The demo network, taken from the technical secretariat's 2013 work plan.

English, Catalan and Spanish are complete; French and Portuguese cover the home
page and the menus. Keys are stable: the loader derives translation keys from them.
"""

import datetime


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{x}</p>" for x in paragraphs)}


def ul(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>",
    }


NETWORK = {
    "short_name": "OIDP",
    "contact_email": "secretariat@oidp.example",
    "postal_address": "Plaça de Sant Jaume 1\n08002 Barcelona",
    "default_sender_name": "OIDP",
    "default_sender_email": "news@oidp.example",
}

REGIONS = {
    "latin-america": {
        "en": {
            "name": "Latin America",
            "office": "Regional office in Porto Alegre (since June 2012)",
            "description": "The first regional office of the network, opened in Porto Alegre in June 2012.",
        },
        "ca": {
            "name": "Amèrica Llatina",
            "office": "Oficina regional a Porto Alegre (des del juny de 2012)",
            "description": "La primera oficina regional de la xarxa, oberta a Porto Alegre el juny de 2012.",
        },
        "es": {
            "name": "América Latina",
            "office": "Oficina regional en Porto Alegre (desde junio de 2012)",
            "description": "La primera oficina regional de la red, abierta en Porto Alegre en junio de 2012.",
        },
        "fr": {
            "name": "Amérique latine",
            "office": "Bureau régional à Porto Alegre (depuis juin 2012)",
            "description": "",
        },
        "pt": {
            "name": "América Latina",
            "office": "Escritório regional em Porto Alegre (desde junho de 2012)",
            "description": "",
        },
    },
    "africa": {
        "en": {
            "name": "Africa",
            "office": "African platform in Dakar (since December 2012)",
            "description": "The African platform of the network, constituted in Dakar in December 2012.",
        },
        "ca": {
            "name": "Àfrica",
            "office": "Plataforma africana a Dakar (des del desembre de 2012)",
            "description": "La plataforma africana de la xarxa, constituïda a Dakar el desembre de 2012.",
        },
        "es": {
            "name": "África",
            "office": "Plataforma africana en Dakar (desde diciembre de 2012)",
            "description": "La plataforma africana de la red, constituida en Dakar en diciembre de 2012.",
        },
        "fr": {
            "name": "Afrique",
            "office": "Plateforme africaine à Dakar (depuis décembre 2012)",
            "description": "",
        },
        "pt": {
            "name": "África",
            "office": "Plataforma africana em Dacar (desde dezembro de 2012)",
            "description": "",
        },
    },
    "europe": {
        "en": {
            "name": "Europe",
            "office": "Technical secretariat in Barcelona; an office for Northern Europe is planned",
            "description": "Home of the technical secretariat. In 2013 the network works to open an office in Northern Europe.",
        },
        "ca": {
            "name": "Europa",
            "office": "Secretaria tècnica a Barcelona; es preveu una oficina per al nord d'Europa",
            "description": "Seu de la secretaria tècnica. El 2013 la xarxa treballa per obrir una oficina al nord d'Europa.",
        },
        "es": {
            "name": "Europa",
            "office": "Secretaría técnica en Barcelona; se prevé una oficina para el norte de Europa",
            "description": "Sede de la secretaría técnica. En 2013 la red trabaja para abrir una oficina en el norte de Europa.",
        },
        "fr": {
            "name": "Europe",
            "office": "Secrétariat technique à Barcelone ; un bureau pour l'Europe du Nord est prévu",
            "description": "",
        },
        "pt": {
            "name": "Europa",
            "office": "Secretariado técnico em Barcelona; está previsto um escritório para o Norte da Europa",
            "description": "",
        },
    },
    "north-america": {
        "en": {
            "name": "North America",
            "office": "A regional office is planned",
            "description": "In 2013 the network opens and strengthens its contacts in North America.",
        },
        "ca": {
            "name": "Amèrica del Nord",
            "office": "Es preveu una oficina regional",
            "description": "El 2013 la xarxa obre i potencia els contactes a l'Amèrica del Nord.",
        },
        "es": {
            "name": "América del Norte",
            "office": "Se prevé una oficina regional",
            "description": "En 2013 la red abre y potencia sus contactos en América del Norte.",
        },
        "fr": {
            "name": "Amérique du Nord",
            "office": "Un bureau régional est prévu",
            "description": "",
        },
        "pt": {
            "name": "América do Norte",
            "office": "Está previsto um escritório regional",
            "description": "",
        },
    },
    "asia-pacific": {
        "en": {"name": "Asia and the Pacific", "office": "", "description": ""},
        "ca": {"name": "Àsia i el Pacífic", "office": "", "description": ""},
        "es": {"name": "Asia y el Pacífico", "office": "", "description": ""},
        "fr": {"name": "Asie et Pacifique", "office": "", "description": ""},
        "pt": {"name": "Ásia e Pacífico", "office": "", "description": ""},
    },
}

#: key: (kind, country, region key, website, member since, {language: name})
ORGANISATIONS = {
    "barcelona": (
        "member",
        "ES",
        "europe",
        "https://ajuntament.barcelona.cat/",
        datetime.date(2001, 11, 1),
        {
            "en": "Barcelona City Council",
            "ca": "Ajuntament de Barcelona",
            "es": "Ayuntamiento de Barcelona",
            "fr": "Mairie de Barcelone",
            "pt": "Câmara Municipal de Barcelona",
        },
    ),
    "cascais": (
        "member",
        "PT",
        "europe",
        "https://www.cascais.pt/",
        datetime.date(2008, 6, 1),
        {
            "en": "Cascais Municipal Council",
            "ca": "Càmera Municipal de Cascais",
            "es": "Cámara Municipal de Cascais",
            "fr": "Municipalité de Cascais",
            "pt": "Câmara Municipal de Cascais",
        },
    ),
    "porto-alegre": (
        "member",
        "BR",
        "latin-america",
        "https://prefeitura.poa.br/",
        datetime.date(2001, 11, 1),
        {
            "en": "Porto Alegre City Hall",
            "ca": "Prefeitura de Porto Alegre",
            "es": "Prefeitura de Porto Alegre",
            "fr": "Mairie de Porto Alegre",
            "pt": "Prefeitura de Porto Alegre",
        },
    ),
    "dakar": (
        "member",
        "SN",
        "africa",
        "",
        datetime.date(2012, 12, 1),
        {
            "en": "City of Dakar",
            "ca": "Ciutat de Dakar",
            "es": "Ciudad de Dakar",
            "fr": "Ville de Dakar",
            "pt": "Cidade de Dacar",
        },
    ),
    "uclg": (
        "partner",
        "ES",
        "europe",
        "https://www.uclg.org/",
        None,
        {
            "en": "United Cities and Local Governments (UCLG)",
            "ca": "Ciutats i Governs Locals Units (CGLU)",
            "es": "Ciudades y Gobiernos Locales Unidos (CGLU)",
            "fr": "Cités et Gouvernements Locaux Unis (CGLU)",
            "pt": "Cidades e Governos Locais Unidos (CGLU)",
        },
    ),
    "ces": (
        "university",
        "PT",
        "europe",
        "https://www.ces.uc.pt/",
        None,
        {
            "en": "Centre for Social Studies, University of Coimbra (CES)",
            "ca": "Centre d'Estudis Socials de la Universitat de Coimbra (CES)",
            "es": "Centro de Estudios Sociales de la Universidad de Coímbra (CES)",
            "fr": "Centre d'études sociales de l'Université de Coimbra (CES)",
            "pt": "Centro de Estudos Sociais da Universidade de Coimbra (CES)",
        },
    ),
    "giz": (
        "other",
        "DE",
        "europe",
        "https://www.giz.de/",
        None,
        {
            "en": "German Agency for International Cooperation (GIZ)",
            "ca": "Agència Alemanya de Cooperació Internacional (GIZ)",
            "es": "Agencia Alemana de Cooperación Internacional (GIZ)",
            "fr": "Agence allemande de coopération internationale (GIZ)",
            "pt": "Agência Alemã de Cooperação Internacional (GIZ)",
        },
    ),
}

HOME = {
    "en": {
        "network_name": "International Observatory on Participatory Democracy",
        "title": "Cities working together for participatory democracy",
        "slug": "home",
        "intro": "The International Observatory on Participatory Democracy is a network of cities, "
        "local governments, universities and organisations that share what they learn about "
        "involving citizens in local decisions.",
    },
    "ca": {
        "network_name": "Observatori Internacional de la Democràcia Participativa",
        "title": "Ciutats que treballen juntes per la democràcia participativa",
        "slug": "inici",
        "intro": "L'Observatori Internacional de la Democràcia Participativa és una xarxa de ciutats, "
        "governs locals, universitats i organitzacions que comparteixen el que aprenen sobre "
        "com fer que la ciutadania participi en les decisions locals.",
    },
    "es": {
        "network_name": "Observatorio Internacional de la Democracia Participativa",
        "title": "Ciudades que trabajan juntas por la democracia participativa",
        "slug": "inicio",
        "intro": "El Observatorio Internacional de la Democracia Participativa es una red de ciudades, "
        "gobiernos locales, universidades y organizaciones que comparten lo que aprenden sobre "
        "cómo implicar a la ciudadanía en las decisiones locales.",
    },
    "fr": {
        "network_name": "Observatoire international de la démocratie participative",
        "title": "Des villes qui travaillent ensemble pour la démocratie participative",
        "slug": "accueil",
        "intro": "L'Observatoire international de la démocratie participative est un réseau de villes, "
        "de collectivités locales, d'universités et d'organisations qui partagent ce qu'elles "
        "apprennent sur la participation des citoyens aux décisions locales.",
    },
    "pt": {
        "network_name": "Observatório Internacional da Democracia Participativa",
        "title": "Cidades que trabalham juntas pela democracia participativa",
        "slug": "pagina-inicial",
        "intro": "O Observatório Internacional da Democracia Participativa é uma rede de cidades, "
        "governos locais, universidades e organizações que partilham o que aprendem sobre "
        "a participação dos cidadãos nas decisões locais.",
    },
}

ABOUT = {
    "en": {
        "title": "About the network",
        "slug": "about",
        "intro": "A worldwide reference in producing and sharing knowledge about participatory democracy at local level.",
        "body": [
            h2("Four directions for 2013"),
            p(
                "The technical secretariat's work plan for 2013 starts from the agreements of the members' "
                "internal session held in Porto Alegre in 2012, and was validated by the members in Cascais "
                "on 2 July 2013. It works in four directions:"
            ),
            ul(
                "Fostering the production and exchange of knowledge",
                "Increasing and diversifying the network's membership",
                "Increasing the network's visibility",
                "Improving how the network works",
            ),
            h2("A decentralised network"),
            p(
                "The regional office for Latin America opened in Porto Alegre in June 2012, and the African "
                "platform was constituted in Dakar in December 2012. In 2013 the secretariat consolidates both "
                "and prepares regional offices in Northern Europe and North America."
            ),
            h2("Technical secretariat"),
            p(
                "Barcelona City Council hosts the technical secretariat, under an agreement with United Cities "
                "and Local Governments (UCLG)."
            ),
        ],
    },
    "ca": {
        "title": "Sobre la xarxa",
        "slug": "sobre-la-xarxa",
        "intro": "Un referent mundial en la producció i l'intercanvi de coneixement sobre democràcia participativa a nivell local.",
        "body": [
            h2("Quatre direccions per al 2013"),
            p(
                "El Pla de treball 2013 de la Secretaria Tècnica parteix dels acords de la sessió interna de "
                "membres celebrada a Porto Alegre el 2012, i els membres el van validar a Cascais el 2 de juliol "
                "de 2013. Treballa en quatre direccions:"
            ),
            ul(
                "Fomentar la producció i l'intercanvi de coneixement",
                "Incrementar i diversificar la composició de membres de la xarxa",
                "Incrementar la visibilitat de la xarxa",
                "Millorar el funcionament de la xarxa",
            ),
            h2("Una xarxa descentralitzada"),
            p(
                "L'oficina regional per a l'Amèrica Llatina es va obrir a Porto Alegre el juny de 2012, i la "
                "plataforma africana es va constituir a Dakar el desembre de 2012. El 2013 la Secretaria Tècnica "
                "les consolida i prepara oficines regionals al nord d'Europa i a l'Amèrica del Nord."
            ),
            h2("Secretaria tècnica"),
            p(
                "L'Ajuntament de Barcelona acull la Secretaria Tècnica, en virtut d'un conveni amb Ciutats i "
                "Governs Locals Units (CGLU)."
            ),
        ],
    },
    "es": {
        "title": "Sobre la red",
        "slug": "sobre-la-red",
        "intro": "Un referente mundial en la producción e intercambio de conocimiento sobre democracia participativa a nivel local.",
        "body": [
            h2("Cuatro direcciones para 2013"),
            p(
                "El Plan de trabajo 2013 de la Secretaría Técnica parte de los acuerdos de la sesión interna de "
                "miembros celebrada en Porto Alegre en 2012, y los miembros lo validaron en Cascais el 2 de julio "
                "de 2013. Trabaja en cuatro direcciones:"
            ),
            ul(
                "Fomentar la producción y el intercambio de conocimiento",
                "Incrementar y diversificar la composición de miembros de la red",
                "Incrementar la visibilidad de la red",
                "Mejorar el funcionamiento de la red",
            ),
            h2("Una red descentralizada"),
            p(
                "La oficina regional para América Latina se abrió en Porto Alegre en junio de 2012, y la "
                "plataforma africana se constituyó en Dakar en diciembre de 2012. En 2013 la Secretaría Técnica "
                "las consolida y prepara oficinas regionales en el norte de Europa y en América del Norte."
            ),
            h2("Secretaría técnica"),
            p(
                "El Ayuntamiento de Barcelona acoge la Secretaría Técnica, en virtud de un convenio con Ciudades y "
                "Gobiernos Locales Unidos (CGLU)."
            ),
        ],
    },
    "fr": {
        "title": "À propos du réseau",
        "slug": "a-propos",
        "intro": "Une référence mondiale dans la production et l'échange de connaissances sur la démocratie participative locale.",
        "body": [
            p(
                "Le secrétariat technique est hébergé par la Mairie de Barcelone. Le réseau a des bureaux "
                "régionaux à Porto Alegre (Amérique latine) et à Dakar (Afrique)."
            )
        ],
    },
    "pt": {
        "title": "Sobre a rede",
        "slug": "sobre-a-rede",
        "intro": "Uma referência mundial na produção e partilha de conhecimento sobre democracia participativa a nível local.",
        "body": [
            p(
                "O secretariado técnico é acolhido pela Câmara Municipal de Barcelona. A rede tem escritórios "
                "regionais em Porto Alegre (América Latina) e em Dacar (África)."
            )
        ],
    },
}

NEWS_INDEX = {
    "en": {"title": "News", "slug": "news", "intro": "What the network and its members are doing."},
    "ca": {
        "title": "Notícies",
        "slug": "noticies",
        "intro": "El que fan la xarxa i els seus membres.",
    },
    "es": {"title": "Noticias", "slug": "noticias", "intro": "Lo que hacen la red y sus miembros."},
    "fr": {
        "title": "Actualités",
        "slug": "actualites",
        "intro": "Ce que font le réseau et ses membres.",
    },
    "pt": {
        "title": "Notícias",
        "slug": "noticias",
        "intro": "O que fazem a rede e os seus membros.",
    },
}

#: Proper names machine translation leaves as written (people's names come from the
#: Person snippets). From the 2013 work plan.
GLOSSARY = [
    ("OIDP", "network"),
    ("Observatori Internacional de la Democràcia Participativa", "network"),
    ("Xarxa", "network"),
    ("Cascais", "city"),
    ("Estoril", "city"),
    ("Barcelona", "city"),
    ("Porto Alegre", "city"),
    ("Canoas", "city"),
    ("Dakar", "city"),
]
