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

#: Each session: key, kind, day, start, end, room, track, languages, interpretation,
#: speakers [(person, role)], options, and its title and abstract per language.
SESSIONS = [
    {
        "key": "opening",
        "kind": "plenary",
        "day": 0,
        "start": "10:00",
        "end": "11:30",
        "room": "auditorium",
        "track": "sustainability",
        "languages": ["pt"],
        "interpretation": ["en", "es", "fr"],
        "speakers": [("joana-martins", "speaker"), ("jordi-serra", "speaker")],
        "en": (
            "Opening plenary: citizenship for sustainability",
            "Cascais and the technical secretariat open the conference and set out its theme.",
        ),
        "ca": (
            "Plenària d'obertura: ciutadania per a la sostenibilitat",
            "Cascais i la Secretaria Tècnica obren la conferència i en presenten el tema.",
        ),
        "es": (
            "Plenaria de apertura: ciudadanía para la sostenibilidad",
            "Cascais y la Secretaría Técnica abren la conferencia y presentan su tema.",
        ),
    },
    {
        "key": "pb-sustainable-cities",
        "kind": "panel",
        "day": 0,
        "start": "12:00",
        "end": "13:30",
        "room": "auditorium",
        "track": "budgeting",
        "languages": ["en"],
        "interpretation": ["es", "pt"],
        "speakers": [
            ("carlos-mendes", "speaker"),
            ("luciana-costa", "speaker"),
            ("elena-rossi", "moderator"),
        ],
        "en": (
            "Participatory budgeting for sustainable cities",
            "How participatory budgets in Cascais and Porto Alegre put environmental projects in citizens' hands.",
        ),
        "ca": (
            "Pressupostos participatius per a ciutats sostenibles",
            "Com els pressupostos participatius de Cascais i Porto Alegre posen els projectes ambientals en mans de la ciutadania.",
        ),
        "es": (
            "Presupuestos participativos para ciudades sostenibles",
            "Cómo los presupuestos participativos de Cascais y Porto Alegre ponen los proyectos ambientales en manos de la ciudadanía.",
        ),
    },
    {
        "key": "youth",
        "kind": "parallel",
        "day": 0,
        "start": "14:00",
        "end": "15:30",
        "room": "room-1",
        "track": "sustainability",
        "languages": ["es"],
        "interpretation": [],
        "speakers": [("luciana-costa", "moderator")],
        "en": (
            "Young people and local decisions",
            "Youth councils and school budgets: experiences from member cities, in Spanish.",
        ),
        "ca": (
            "Joves i decisions locals",
            "Consells de joves i pressupostos escolars: experiències de ciutats membres, en castellà.",
        ),
        "es": (
            "Jóvenes y decisiones locales",
            "Consejos de jóvenes y presupuestos escolares: experiencias de ciudades miembro, en castellano.",
        ),
    },
    {
        "key": "members-session",
        "kind": "members",
        "day": 0,
        "start": "16:00",
        "end": "20:00",
        "room": "room-2",
        "track": "network",
        "languages": ["es", "pt"],
        "interpretation": ["en", "fr"],
        "speakers": [("jordi-serra", "moderator")],
        "registration_required": True,
        "members_only": True,
        "capacity": 60,
        "en": (
            "Internal members' session",
            "The members validate the technical secretariat's 2013 work plan and review the year's mandate. Member organisations only.",
        ),
        "ca": (
            "Sessió interna de membres",
            "Els membres validen el pla de treball 2013 de la Secretaria Tècnica i fan balanç del mandat anual. Només organitzacions membres.",
        ),
        "es": (
            "Sesión interna de miembros",
            "Los miembros validan el plan de trabajo 2013 de la Secretaría Técnica y hacen balance del mandato anual. Solo organizaciones miembro.",
        ),
    },
    {
        "key": "keynote",
        "kind": "plenary",
        "day": 1,
        "start": "09:30",
        "end": "11:00",
        "room": "auditorium",
        "track": "sustainability",
        "languages": ["en"],
        "interpretation": ["es", "fr", "pt"],
        "speakers": [("rui-almeida", "keynote"), ("joana-martins", "moderator")],
        "en": (
            "Keynote: democracy at the scale of the city",
            "Research on what participation changes in local public policy, and what it does not.",
        ),
        "ca": (
            "Conferència inaugural: la democràcia a escala de ciutat",
            "La recerca sobre què canvia la participació en les polítiques públiques locals, i què no.",
        ),
        "es": (
            "Conferencia inaugural: la democracia a escala de ciudad",
            "La investigación sobre qué cambia la participación en las políticas públicas locales, y qué no.",
        ),
    },
    {
        "key": "digital-tools",
        "kind": "parallel",
        "day": 1,
        "start": "11:30",
        "end": "13:00",
        "room": "room-1",
        "track": "sustainability",
        "languages": ["en"],
        "interpretation": [],
        "speakers": [("sarah-klein", "speaker")],
        "en": (
            "Digital tools for participation",
            "Online platforms that cities share through the network's website, and what they learned.",
        ),
        "ca": (
            "Eines digitals per a la participació",
            "Plataformes en línia que les ciutats comparteixen a través del web de la xarxa, i què n'han après.",
        ),
        "es": (
            "Herramientas digitales para la participación",
            "Plataformas en línea que las ciudades comparten a través de la web de la red, y qué han aprendido.",
        ),
    },
    {
        "key": "basic-services",
        "kind": "parallel",
        "day": 1,
        "start": "11:30",
        "end": "13:00",
        "room": "room-2",
        "track": "sustainability",
        "languages": ["fr"],
        "interpretation": ["en"],
        "speakers": [("mamadou-ndiaye", "speaker"), ("elena-rossi", "moderator")],
        "en": (
            "Participation in access to basic services",
            "Water, waste and transport decided with residents: cases from Africa, in French.",
        ),
        "ca": (
            "La participació en l'accés als serveis bàsics",
            "Aigua, residus i transport decidits amb el veïnat: casos d'Àfrica, en francès.",
        ),
        "es": (
            "La participación en el acceso a los servicios básicos",
            "Agua, residuos y transporte decididos con el vecindario: casos de África, en francés.",
        ),
    },
    {
        "key": "study-visit-pb",
        "kind": "visit",
        "day": 1,
        "start": "15:00",
        "end": "18:00",
        "room": "entrance",
        "track": "budgeting",
        "languages": ["pt"],
        "interpretation": ["en"],
        "speakers": [("carlos-mendes", "speaker")],
        "registration_required": True,
        "capacity": 30,
        "en": (
            "Study visit: Cascais participatory budget projects",
            "A bus tour of neighbourhood projects chosen by residents. Places are limited.",
        ),
        "ca": (
            "Visita d'estudi: projectes del pressupost participatiu de Cascais",
            "Un recorregut en autobús pels projectes de barri triats pel veïnat. Places limitades.",
        ),
        "es": (
            "Visita de estudio: proyectos del presupuesto participativo de Cascais",
            "Un recorrido en autobús por los proyectos de barrio elegidos por el vecindario. Plazas limitadas.",
        ),
    },
    {
        "key": "dinner",
        "kind": "social",
        "day": 1,
        "start": "20:00",
        "end": "22:30",
        "room": "foyer",
        "track": "network",
        "languages": [],
        "interpretation": [],
        "speakers": [],
        "registration_required": True,
        "capacity": 200,
        "en": ("Conference dinner", "Dinner for delegates, offered by Cascais Municipal Council."),
        "ca": (
            "Sopar de la conferència",
            "Sopar per a les persones delegades, ofert per la Càmera Municipal de Cascais.",
        ),
        "es": (
            "Cena de la conferencia",
            "Cena para las personas delegadas, ofrecida por la Cámara Municipal de Cascais.",
        ),
    },
    {
        "key": "local-observatories",
        "kind": "workshop",
        "day": 2,
        "start": "09:30",
        "end": "11:00",
        "room": "room-1",
        "track": "observatories",
        "languages": ["es", "pt"],
        "interpretation": ["en"],
        "speakers": [
            ("jordi-serra", "moderator"),
            ("rui-almeida", "speaker"),
            ("luciana-costa", "speaker"),
        ],
        "registration_required": True,
        "capacity": 40,
        "en": (
            "Rethinking the Local Observatories of Participatory Democracy",
            "The working group presents its review of the 2004-2007 project and asks members how to relaunch it.",
        ),
        "ca": (
            "Repensar els Observatoris Locals de Democràcia Participativa",
            "El grup de treball presenta la revisió del projecte 2004-2007 i pregunta als membres com rellançar-lo.",
        ),
        "es": (
            "Repensar los Observatorios Locales de Democracia Participativa",
            "El grupo de trabajo presenta la revisión del proyecto 2004-2007 y pregunta a los miembros cómo relanzarlo.",
        ),
    },
    {
        "key": "gender",
        "kind": "parallel",
        "day": 2,
        "start": "09:30",
        "end": "11:00",
        "room": "room-2",
        "track": "sustainability",
        "languages": ["pt"],
        "interpretation": ["es"],
        "speakers": [("joana-martins", "speaker")],
        "en": (
            "Gender equality in participatory processes",
            "Who takes part, who speaks, who decides: measuring equality in local processes.",
        ),
        "ca": (
            "Igualtat de gènere en els processos participatius",
            "Qui participa, qui parla, qui decideix: mesurar la igualtat en els processos locals.",
        ),
        "es": (
            "Igualdad de género en los procesos participativos",
            "Quién participa, quién habla, quién decide: medir la igualdad en los procesos locales.",
        ),
    },
    {
        "key": "award-finalists",
        "kind": "panel",
        "day": 2,
        "start": "11:30",
        "end": "13:00",
        "room": "auditorium",
        "track": "network",
        "languages": ["en", "es"],
        "interpretation": ["fr", "pt"],
        "speakers": [("elena-rossi", "moderator")],
        "en": (
            "7th Best Practice award: the finalists",
            "The finalist cities of the 7th Best Practice in Citizen Participation award present their experiences.",
        ),
        "ca": (
            "7a Distinció de Bones Pràctiques: les finalistes",
            "Les ciutats finalistes de la 7a Distinció de Bones Pràctiques en Participació Ciutadana presenten les seves experiències.",
        ),
        "es": (
            "7.ª Distinción de Buenas Prácticas: las finalistas",
            "Las ciudades finalistas de la 7.ª Distinción de Buenas Prácticas en Participación Ciudadana presentan sus experiencias.",
        ),
    },
    {
        "key": "regional-perspectives",
        "kind": "parallel",
        "day": 2,
        "start": "15:00",
        "end": "16:30",
        "room": "room-1",
        "track": "network",
        "languages": ["pt", "fr"],
        "interpretation": ["en", "es"],
        "speakers": [("luciana-costa", "speaker"), ("mamadou-ndiaye", "speaker")],
        "en": (
            "Regional offices: Latin America and Africa",
            "Porto Alegre and Dakar report on their first year as the network's regional offices.",
        ),
        "ca": (
            "Antenes regionals: Amèrica Llatina i Àfrica",
            "Porto Alegre i Dakar expliquen el primer any com a oficines regionals de la xarxa.",
        ),
        "es": (
            "Antenas regionales: América Latina y África",
            "Porto Alegre y Dakar explican su primer año como oficinas regionales de la red.",
        ),
    },
    {
        "key": "award-ceremony",
        "kind": "plenary",
        "day": 2,
        "start": "17:00",
        "end": "18:30",
        "room": "auditorium",
        "track": "network",
        "languages": ["pt"],
        "interpretation": ["en", "es", "fr"],
        "speakers": [("joana-martins", "speaker"), ("jordi-serra", "speaker")],
        "en": (
            "Best Practice award ceremony",
            "The 7th Best Practice in Citizen Participation award is presented.",
        ),
        "ca": (
            "Lliurament de la Distinció de Bones Pràctiques",
            "Es lliura la 7a Distinció de Bones Pràctiques en Participació Ciutadana.",
        ),
        "es": (
            "Entrega de la Distinción de Buenas Prácticas",
            "Se entrega la 7.ª Distinción de Buenas Prácticas en Participación Ciudadana.",
        ),
    },
    {
        "key": "crowdfunding",
        "kind": "workshop",
        "day": 3,
        "start": "09:30",
        "end": "11:00",
        "room": "room-2",
        "track": "network",
        "languages": ["en"],
        "interpretation": [],
        "speakers": [("sarah-klein", "moderator")],
        "status": "cancelled",
        "en": (
            "Crowdfunding the network",
            "A workshop on decentralising how the network is funded.",
            "The workshop moves to the members' online meeting in September.",
        ),
        "ca": (
            "Micromecenatge per a la xarxa",
            "Un taller sobre com descentralitzar el finançament de la xarxa.",
            "El taller passa a la reunió en línia de membres del setembre.",
        ),
        "es": (
            "Micromecenazgo para la red",
            "Un taller sobre cómo descentralizar la financiación de la red.",
            "El taller pasa a la reunión en línea de miembros de septiembre.",
        ),
    },
    {
        "key": "closing",
        "kind": "plenary",
        "day": 3,
        "start": "11:30",
        "end": "13:00",
        "room": "auditorium",
        "track": "network",
        "languages": ["pt", "es"],
        "interpretation": ["en", "fr"],
        "speakers": [("jordi-serra", "speaker"), ("joana-martins", "speaker")],
        "en": (
            "Closing plenary and the call for the 2014 presidency",
            "Conclusions of the conference and the call for cities to host the network's presidency in 2014.",
        ),
        "ca": (
            "Plenària de cloenda i convocatòria de la presidència 2014",
            "Conclusions de la conferència i convocatòria perquè les ciutats acullin la presidència de la xarxa el 2014.",
        ),
        "es": (
            "Plenaria de clausura y convocatoria de la presidencia 2014",
            "Conclusiones de la conferencia y convocatoria para que las ciudades acojan la presidencia de la red en 2014.",
        ),
    },
    {
        "key": "study-visit-coast",
        "kind": "visit",
        "day": 3,
        "start": "14:30",
        "end": "17:00",
        "room": "entrance",
        "track": "sustainability",
        "languages": ["pt"],
        "interpretation": ["en"],
        "speakers": [("carlos-mendes", "speaker")],
        "registration_required": True,
        "capacity": 25,
        "en": (
            "Study visit: residents caring for the coastline",
            "A walk along the coast with the volunteer groups that look after it with the council.",
        ),
        "ca": (
            "Visita d'estudi: el veïnat que cuida la costa",
            "Una passejada per la costa amb els grups de voluntariat que en tenen cura amb l'Ajuntament.",
        ),
        "es": (
            "Visita de estudio: el vecindario que cuida la costa",
            "Un paseo por la costa con los grupos de voluntariado que la cuidan con el Ayuntamiento.",
        ),
    },
]

#: External events of the work plan: key, month/day range, city, country, zone, role, region.
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
