"""The demo's working groups, from the 2013 work plan, in English, Catalan and Spanish."""

LANGUAGES = ("en", "ca", "es")

INDEX = {
    "en": (
        "Working groups",
        "working-groups",
        "Groups of member cities that produce and share knowledge between conferences.",
    ),
    "ca": (
        "Grups de treball",
        "grups-de-treball",
        "Grups de ciutats membres que produeixen i comparteixen coneixement entre conferències.",
    ),
    "es": (
        "Grupos de trabajo",
        "grupos-de-trabajo",
        "Grupos de ciudades miembro que producen y comparten conocimiento entre conferencias.",
    ),
}

OBSERVATORIES = {
    "key": "local-observatories",
    "coordinators": ["barcelona", "porto-alegre"],
    "regions": ["europe", "latin-america", "africa"],
    "contact_email": "observatoris@oidp.example",
    "en": {
        "title": "Local Observatories of Participatory Democracy",
        "slug": "local-observatories",
        "mandate": "Agreed by the members at the internal session in Porto Alegre on 11 June 2012: to rethink the Local Observatories of Participatory Democracy project, run from 2004 to 2007, and to bring back a space for local observatories at every OIDP conference.",
        "aims": "<ul><li>Review what the observatories of 2004-2007 learned, city by city.</li><li>Agree shared indicators to evaluate participatory processes.</li><li>Produce and exchange knowledge that improves participatory democracy.</li><li>Prepare the local observatories space at the Cascais conference.</li></ul>",
    },
    "ca": {
        "title": "Observatoris Locals de Democràcia Participativa",
        "slug": "observatoris-locals",
        "mandate": "Acordat pels membres a la sessió interna de Porto Alegre l'11 de juny de 2012: reflexionar al voltant del projecte dels Observatoris Locals de Democràcia Participativa, implementat del 2004 al 2007, i recuperar un espai per als observatoris locals en totes les conferències de l'OIDP.",
        "aims": "<ul><li>Revisar què van aprendre els observatoris del 2004-2007, ciutat per ciutat.</li><li>Acordar indicadors compartits per avaluar els processos participatius.</li><li>Produir i intercanviar coneixement que qualifiqui la democràcia participativa.</li><li>Preparar l'espai dels observatoris locals a la conferència de Cascais.</li></ul>",
    },
    "es": {
        "title": "Observatorios Locales de Democracia Participativa",
        "slug": "observatorios-locales",
        "mandate": "Acordado por los miembros en la sesión interna de Porto Alegre el 11 de junio de 2012: reflexionar sobre el proyecto de los Observatorios Locales de Democracia Participativa, implementado de 2004 a 2007, y recuperar un espacio para los observatorios locales en todas las conferencias del OIDP.",
        "aims": "<ul><li>Revisar qué aprendieron los observatorios de 2004-2007, ciudad por ciudad.</li><li>Acordar indicadores compartidos para evaluar los procesos participativos.</li><li>Producir e intercambiar conocimiento que cualifique la democracia participativa.</li><li>Preparar el espacio de los observatorios locales en la conferencia de Cascais.</li></ul>",
    },
}

BUDGETING = {
    "key": "participatory-budgeting",
    "coordinators": ["cascais"],
    "regions": ["europe", "latin-america"],
    "contact_email": "pressupostos@oidp.example",
    "en": {
        "title": "Participatory budgeting",
        "slug": "participatory-budgeting",
        "mandate": "Member cities that run participatory budgets compare their rules, their voting and how they report back to residents.",
        "aims": "<ul><li>Compare the rules of participatory budgets in member cities.</li><li>Share tools for online and in-person voting.</li><li>Prepare the network's contribution to the participatory budgeting conference in Chicago.</li></ul>",
    },
    "ca": {
        "title": "Pressupostos participatius",
        "slug": "pressupostos-participatius",
        "mandate": "Ciutats membres que fan pressupostos participatius comparen les seves regles, les votacions i com en retornen els resultats al veïnat.",
        "aims": "<ul><li>Comparar les regles dels pressupostos participatius de les ciutats membres.</li><li>Compartir eines de votació en línia i presencial.</li><li>Preparar la contribució de la xarxa a la conferència de pressupostos participatius de Chicago.</li></ul>",
    },
    "es": {
        "title": "Presupuestos participativos",
        "slug": "presupuestos-participativos",
        "mandate": "Ciudades miembro que hacen presupuestos participativos comparan sus reglas, las votaciones y cómo devuelven los resultados a la ciudadanía.",
        "aims": "<ul><li>Comparar las reglas de los presupuestos participativos de las ciudades miembro.</li><li>Compartir herramientas de votación en línea y presencial.</li><li>Preparar la contribución de la red a la conferencia de presupuestos participativos de Chicago.</li></ul>",
    },
}

MONTHLY = {
    "key": "observatories-monthly",
    "time_zone": "Europe/Madrid",
    "clock": (16, 0),
    "hours": 2,
    "online_link": "https://meet.example.org/oidp-observatoris",
    "en": {
        "title": "Monthly online meeting",
        "slug": "monthly-online-meeting",
        "agenda": "<ol><li>News from each observatory</li><li>Shared indicators: draft for discussion</li><li>Preparing Cascais</li></ol>",
        "note_cancelled": "It clashes with the Informed Cities forum.",
        "note_moved": "Moved one day later because of a public holiday.",
    },
    "ca": {
        "title": "Reunió mensual en línia",
        "slug": "reunio-mensual",
        "agenda": "<ol><li>Novetats de cada observatori</li><li>Indicadors compartits: esborrany per debatre</li><li>Preparació de Cascais</li></ol>",
        "note_cancelled": "Coincideix amb el fòrum Informed Cities.",
        "note_moved": "Es trasllada un dia més tard per un dia festiu.",
    },
    "es": {
        "title": "Reunión mensual en línea",
        "slug": "reunion-mensual",
        "agenda": "<ol><li>Novedades de cada observatorio</li><li>Indicadores compartidos: borrador para debatir</li><li>Preparación de Cascais</li></ol>",
        "note_cancelled": "Coincide con el foro Informed Cities.",
        "note_moved": "Se traslada un día más tarde por un día festivo.",
    },
}

AT_CASCAIS = {
    "key": "observatories-at-cascais",
    "session": "local-observatories",
    "en": {
        "title": "Working group meeting at the Cascais conference",
        "slug": "meeting-at-cascais",
        "agenda": "<p>The group meets in person during its conference session.</p>",
    },
    "ca": {
        "title": "Reunió del grup a la conferència de Cascais",
        "slug": "reunio-a-cascais",
        "agenda": "<p>El grup es reuneix en persona durant la seva sessió de la conferència.</p>",
    },
    "es": {
        "title": "Reunión del grupo en la conferencia de Cascais",
        "slug": "reunion-en-cascais",
        "agenda": "<p>El grupo se reúne en persona durante su sesión de la conferencia.</p>",
    },
}

BUDGETING_MEETING = {
    "key": "budgeting-kickoff",
    "time_zone": "America/Sao_Paulo",
    "clock": (10, 0),
    "hours": 2,
    "online_link": "https://meet.example.org/oidp-pressupostos",
    "en": {
        "title": "First meeting: comparing the rules",
        "slug": "first-meeting",
        "agenda": "<p>Each city presents its participatory budget rules in five minutes.</p>",
    },
    "ca": {
        "title": "Primera reunió: comparem les regles",
        "slug": "primera-reunio",
        "agenda": "<p>Cada ciutat presenta en cinc minuts les regles del seu pressupost participatiu.</p>",
    },
    "es": {
        "title": "Primera reunión: comparamos las reglas",
        "slug": "primera-reunion",
        "agenda": "<p>Cada ciudad presenta en cinco minutos las reglas de su presupuesto participativo.</p>",
    },
}

#: (name, organisation key or typed name, language, role, listed on the page)
OBSERVATORY_MEMBERS = [
    ("Laia Puig i Serra", "barcelona", "ca", "coordinator", True),
    ("Luciana Medeiros", "porto-alegre", "pt", "coordinator", True),
    ("Aminata Diop", "dakar", "fr", "member", True),
    ("Ana Rita Figueiredo", "cascais", "pt", "member", True),
    ("Giovanni Allegretti", "ces", "en", "observer", True),
    ("Carmen Ruiz Herrera", "Ayuntamiento de Sevilla", "es", "member", False),
    ("Diego Fernández", "Municipalidad de Rosario", "es", "member", True),
    ("Kwame Mensah", "Accra Metropolitan Assembly", "en", "member", False),
]
BUDGETING_MEMBERS = [
    ("João Pedro Marques", "cascais", "pt", "coordinator", True),
    ("Carlos Eduardo Brum", "porto-alegre", "pt", "member", True),
    ("Michael O'Brien", "Participatory Budgeting Project", "en", "observer", True),
]
