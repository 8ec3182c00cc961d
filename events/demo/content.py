"""The 13th conference in Cascais and the external events of the 2013 work plan.

Times are local (Europe/Lisbon for Cascais). Day 0 is 2 July, the day of the
internal members' session (16:00-20:00).
"""

VENUE = {
    "key": "estoril-congress-centre",
    "address": "Avenida Clotilde\n2765-211 Estoril\nPortugal",
    "country": "PT",
    "map_url": "https://www.openstreetmap.org/?mlat=38.7046&mlon=-9.3977#map=17/38.7046/-9.3977",
    "latitude": "38.704600",
    "longitude": "-9.397700",
    "en": {
        "name": "Estoril Congress Centre",
        "city": "Cascais",
        "accessibility": "Step-free entrance on Avenida Clotilde; lifts to every floor; accessible toilets on each floor.",
    },
    "ca": {
        "name": "Centre de Congressos d'Estoril",
        "city": "Cascais",
        "accessibility": "Entrada sense graons a l'Avenida Clotilde; ascensors a totes les plantes; lavabos adaptats a cada planta.",
    },
    "es": {
        "name": "Centro de Congresos de Estoril",
        "city": "Cascais",
        "accessibility": "Entrada sin escalones en la Avenida Clotilde; ascensores a todas las plantas; aseos adaptados en cada planta.",
    },
}

#: key: (capacity, {language: name}, {language: accessibility})
ROOMS = {
    "auditorium": (
        400,
        {"en": "Auditorium", "ca": "Auditori", "es": "Auditorio"},
        {
            "en": "Hearing loop; wheelchair spaces in the front row.",
            "ca": "Bucle magnètic; espais per a cadires de rodes a la primera fila.",
            "es": "Bucle magnético; espacios para sillas de ruedas en la primera fila.",
        },
    ),
    "room-1": (80, {"en": "Room 1", "ca": "Sala 1", "es": "Sala 1"}, {}),
    "room-2": (60, {"en": "Room 2", "ca": "Sala 2", "es": "Sala 2"}, {}),
    "foyer": (250, {"en": "Foyer", "ca": "Vestíbul", "es": "Vestíbulo"}, {}),
    "entrance": (
        None,
        {
            "en": "Main entrance (meeting point)",
            "ca": "Entrada principal (punt de trobada)",
            "es": "Entrada principal (punto de encuentro)",
        },
        {},
    ),
}

#: key: (organisation key, {language: position})
PEOPLE = {
    "joana-martins": (
        "Joana Martins",
        "cascais",
        {
            "en": "Councillor for citizen participation",
            "ca": "Regidora de participació ciutadana",
            "es": "Concejala de participación ciudadana",
        },
    ),
    "jordi-serra": (
        "Jordi Serra",
        "barcelona",
        {
            "en": "Coordinator of the technical secretariat",
            "ca": "Coordinador de la Secretaria Tècnica",
            "es": "Coordinador de la Secretaría Técnica",
        },
    ),
    "luciana-costa": (
        "Luciana Costa",
        "porto-alegre",
        {
            "en": "Head of the Latin American regional office",
            "ca": "Responsable de l'oficina regional d'Amèrica Llatina",
            "es": "Responsable de la oficina regional de América Latina",
        },
    ),
    "mamadou-ndiaye": (
        "Mamadou Ndiaye",
        "dakar",
        {
            "en": "Coordinator of the African platform",
            "ca": "Coordinador de la plataforma africana",
            "es": "Coordinador de la plataforma africana",
        },
    ),
    "elena-rossi": (
        "Elena Rossi",
        "uclg",
        {
            "en": "Policy officer, local democracy",
            "ca": "Tècnica de polítiques de democràcia local",
            "es": "Técnica de políticas de democracia local",
        },
    ),
    "rui-almeida": (
        "Rui Almeida",
        "ces",
        {
            "en": "Researcher in participatory democracy",
            "ca": "Investigador en democràcia participativa",
            "es": "Investigador en democracia participativa",
        },
    ),
    "sarah-klein": (
        "Sarah Klein",
        "giz",
        {
            "en": "Adviser on good governance",
            "ca": "Assessora en bon govern",
            "es": "Asesora en buen gobierno",
        },
    ),
    "carlos-mendes": (
        "Carlos Mendes",
        "cascais",
        {
            "en": "Participatory budget team",
            "ca": "Equip del pressupost participatiu",
            "es": "Equipo del presupuesto participativo",
        },
    ),
}

TRACKS = {
    "sustainability": {
        "en": "Citizenship and sustainability",
        "ca": "Ciutadania i sostenibilitat",
        "es": "Ciudadanía y sostenibilidad",
    },
    "budgeting": {
        "en": "Participatory budgeting",
        "ca": "Pressupostos participatius",
        "es": "Presupuestos participativos",
    },
    "observatories": {
        "en": "Local observatories",
        "ca": "Observatoris locals",
        "es": "Observatorios locales",
    },
    "network": {"en": "Network life", "ca": "Vida de la xarxa", "es": "Vida de la red"},
}

CONFERENCE = {
    "edition": 13,
    "acronym": "oidp13",
    "month": 7,
    "first_day": 2,
    "last_day": 5,
    "time_zone": "Europe/Lisbon",
    "en": {
        "title": "13th OIDP Conference",
        "slug": "13th-conference-cascais",
        "theme": "Citizenship for sustainability",
        "intro": "The network's 13th annual conference, hosted by Cascais Municipal Council: four days of "
        "plenaries, workshops and study visits on how citizens take part in building sustainable cities.",
    },
    "ca": {
        "title": "13a Conferència de l'OIDP",
        "slug": "13a-conferencia-cascais",
        "theme": "Ciutadania per a la sostenibilitat",
        "intro": "La 13a conferència anual de la xarxa, acollida per la Càmera Municipal de Cascais: quatre dies "
        "de plenàries, tallers i visites d'estudi sobre com la ciutadania participa en la construcció de ciutats sostenibles.",
    },
    "es": {
        "title": "13.ª Conferencia del OIDP",
        "slug": "13-conferencia-cascais",
        "theme": "Ciudadanía para la sostenibilidad",
        "intro": "La 13.ª conferencia anual de la red, acogida por la Cámara Municipal de Cascais: cuatro días de "
        "plenarias, talleres y visitas de estudio sobre cómo la ciudadanía participa en la construcción de ciudades sostenibles.",
    },
}

EXTERNAL_EVENTS = [
    {
        "key": "chicago-pb",
        "start": (5, 3),
        "end": (5, 5),
        "country": "US",
        "time_zone": "America/Chicago",
        "role": "presenting",
        "region": "north-america",
        "en": {
            "title": "Second Conference on Participatory Budgeting in the US and Canada",
            "slug": "participatory-budgeting-chicago",
            "city": "Chicago",
            "organiser": "Participatory Budgeting Project",
            "intro": "The technical secretariat presents and represents the network.",
        },
        "ca": {
            "title": "Segona Conferència sobre Pressupost Participatiu als EUA i el Canadà",
            "slug": "pressupost-participatiu-chicago",
            "city": "Chicago",
            "organiser": "Participatory Budgeting Project",
            "intro": "La Secretaria Tècnica hi presenta i representa la xarxa.",
        },
        "es": {
            "title": "Segunda Conferencia sobre Presupuesto Participativo en EE. UU. y Canadá",
            "slug": "presupuesto-participativo-chicago",
            "city": "Chicago",
            "organiser": "Participatory Budgeting Project",
            "intro": "La Secretaría Técnica presenta y representa a la red.",
        },
    },
    {
        "key": "informed-cities",
        "start": (6, 6),
        "end": (6, 7),
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "role": "attending",
        "region": "europe",
        "en": {
            "title": "Informed Cities Forum 2013 and Incontext conference",
            "slug": "informed-cities-berlin",
            "city": "Berlin",
            "organiser": "ICLEI Europe",
            "intro": "The technical secretariat takes part in the forum.",
        },
        "ca": {
            "title": "Fòrum Ciutats Informades 2013 i Conferència Incontext",
            "slug": "ciutats-informades-berlin",
            "city": "Berlín",
            "organiser": "ICLEI Europa",
            "intro": "La Secretaria Tècnica participa en el fòrum.",
        },
        "es": {
            "title": "Foro Ciudades Informadas 2013 y Conferencia Incontext",
            "slug": "ciudades-informadas-berlin",
            "city": "Berlín",
            "organiser": "ICLEI Europa",
            "intro": "La Secretaría Técnica participa en el foro.",
        },
    },
    {
        "key": "uclg-rabat",
        "start": (10, 1),
        "end": (10, 4),
        "country": "MA",
        "time_zone": "Africa/Casablanca",
        "role": "organising",
        "region": "africa",
        "en": {
            "title": "4th UCLG Congress: Summit of Local and Regional Leaders",
            "slug": "uclg-congress-rabat",
            "city": "Rabat",
            "organiser": "United Cities and Local Governments (UCLG)",
            "intro": "The network organises a workshop on participation as a new form of governance in access to basic services.",
        },
        "ca": {
            "title": "4t Congrés de CGLU: Cimera de líders locals i regionals",
            "slug": "congres-cglu-rabat",
            "city": "Rabat",
            "organiser": "Ciutats i Governs Locals Units (CGLU)",
            "intro": "La xarxa organitza un taller sobre «La participació com a nova forma de governança en l'accés als serveis bàsics».",
        },
        "es": {
            "title": "4.º Congreso de CGLU: Cumbre de líderes locales y regionales",
            "slug": "congreso-cglu-rabat",
            "city": "Rabat",
            "organiser": "Ciudades y Gobiernos Locales Unidos (CGLU)",
            "intro": "La red organiza un taller sobre «La participación como nueva forma de gobernanza en el acceso a los servicios básicos».",
        },
    },
]

INDEXES = {
    "conferences": {
        "en": ("Conferences", "conferences", "The network's annual conferences."),
        "ca": ("Conferències", "conferencies", "Les conferències anuals de la xarxa."),
        "es": ("Conferencias", "conferencias", "Las conferencias anuales de la red."),
        "fr": ("Conférences", "conferences", "Les conférences annuelles du réseau."),
        "pt": ("Conferências", "conferencias", "As conferências anuais da rede."),
    },
    "agenda": {
        "en": (
            "Agenda",
            "agenda",
            "Where the network will be: its conferences and the events it takes part in.",
        ),
        "ca": (
            "Agenda",
            "agenda",
            "On serà la xarxa: les seves conferències i els esdeveniments on participa.",
        ),
        "es": (
            "Agenda",
            "agenda",
            "Dónde estará la red: sus conferencias y los eventos en los que participa.",
        ),
        "fr": (
            "Agenda",
            "agenda",
            "Où sera le réseau : ses conférences et les événements auxquels il participe.",
        ),
        "pt": (
            "Agenda",
            "agenda",
            "Onde estará a rede: as suas conferências e os eventos em que participa.",
        ),
    },
    "external-events": {
        "en": (
            "External events",
            "external-events",
            "Activities of other networks that the network attends or organises.",
        ),
        "ca": (
            "Activitats externes",
            "activitats-externes",
            "Activitats d'altres xarxes on la xarxa assisteix o que organitza.",
        ),
        "es": (
            "Actividades externas",
            "actividades-externas",
            "Actividades de otras redes a las que la red asiste o que organiza.",
        ),
        "fr": (
            "Événements externes",
            "evenements-externes",
            "Activités d'autres réseaux auxquelles le réseau participe.",
        ),
        "pt": (
            "Eventos externos",
            "eventos-externos",
            "Atividades de outras redes em que a rede participa.",
        ),
    },
}
