"""About forty delegates for the demo conference, so every booking state can be seen:
a full study visit with a waiting list, a members' session, pending and cancelled ones."""

#: (name, organisation key or typed organisation, country, language, sessions, state)
#: Sessions: m = members' session, p = participatory-budgeting visit, d = dinner,
#: o = local observatories workshop, c = coastal study visit (25 places).
DELEGATES = [
    ("Laia Puig i Serra", "barcelona", "ES", "ca", "mdoc", "confirmed"),
    ("Jordi Vilaró", "barcelona", "ES", "ca", "mdc", "confirmed"),
    ("Marta Casals", "barcelona", "ES", "ca", "dpc", "confirmed"),
    ("Ana Rita Figueiredo", "cascais", "PT", "pt", "mdoc", "confirmed"),
    ("João Pedro Marques", "cascais", "PT", "pt", "mdc", "confirmed"),
    ("Inês Carvalho", "cascais", "PT", "pt", "dpc", "confirmed"),
    ("Rui Tavares Lopes", "cascais", "PT", "pt", "moc", "confirmed"),
    ("Luciana Medeiros", "porto-alegre", "BR", "pt", "mdoc", "confirmed"),
    ("Carlos Eduardo Brum", "porto-alegre", "BR", "pt", "mdc", "confirmed"),
    ("Fernanda Oliveira", "porto-alegre", "BR", "pt", "dpc", "confirmed"),
    ("Aminata Diop", "dakar", "SN", "fr", "mdoc", "confirmed"),
    ("Ousmane Ndiaye", "dakar", "SN", "fr", "mdc", "confirmed"),
    ("Fatou Sarr", "dakar", "SN", "fr", "dpc", "confirmed"),
    ("Giovanni Allegretti", "ces", "PT", "en", "doc", "confirmed"),
    ("Ana Luísa Sousa", "ces", "PT", "pt", "dpc", "confirmed"),
    ("Carmen Ruiz Herrera", "Ayuntamiento de Sevilla", "ES", "es", "dpc", "confirmed"),
    ("Pablo Ibáñez", "Ayuntamiento de Getafe", "ES", "es", "doc", "confirmed"),
    ("María José Torres", "Intendencia de Montevideo", "UY", "es", "dpc", "confirmed"),
    ("Diego Fernández", "Municipalidad de Rosario", "AR", "es", "doc", "confirmed"),
    ("Valentina Gómez", "Alcaldía de Medellín", "CO", "es", "dpc", "confirmed"),
    ("Sophie Martin", "Ville de Grenoble", "FR", "fr", "doc", "confirmed"),
    ("Julien Lefèvre", "Ville de Paris", "FR", "fr", "dpc", "confirmed"),
    ("Nadia Benali", "Commune de Tunis", "TN", "fr", "dc", "confirmed"),
    ("Kwame Mensah", "Accra Metropolitan Assembly", "GH", "en", "dpc", "confirmed"),
    ("Grace Wanjiru", "Nairobi City County", "KE", "en", "dc", "confirmed"),
    ("Thabo Nkosi", "eThekwini Municipality", "ZA", "en", "doc", "confirmed"),
    ("Emma Johansson", "Malmö stad", "SE", "en", "dc", "confirmed"),
    ("Lars Eriksen", "Københavns Kommune", "DK", "en", "dpc", "confirmed"),
    ("Sarah Thompson", "City of Chicago, 49th Ward", "US", "en", "dc", "confirmed"),
    ("Michael O'Brien", "Participatory Budgeting Project", "US", "en", "doc", "confirmed"),
    ("Hiroshi Tanaka", "Seoul Metropolitan Government", "KR", "en", "dc", "confirmed"),
    ("Priya Raman", "Pune Municipal Corporation", "IN", "en", "dpc", "confirmed"),
    ("Wolfgang Richter", "giz", "DE", "en", "do", "confirmed"),
    ("Elena Rossi", "Comune di Bologna", "IT", "en", "dc", "confirmed"),
    ("Núria Bosch", "Ajuntament de Terrassa", "ES", "ca", "doc", "confirmed"),
    ("Pere Ribas", "Ajuntament de Girona", "ES", "ca", "dc", "pending"),
    ("Lucía Méndez", "Municipalidad de Lima", "PE", "es", "dpc", "pending"),
    ("Tomás Silva", "Câmara Municipal de Lisboa", "PT", "pt", "dc", "pending"),
    ("Claire Dubois", "Ville de Lyon", "FR", "fr", "dp", "cancelled"),
    ("Andrés Castillo", "Alcaldía de Bogotá", "CO", "es", "do", "cancelled"),
]

SESSION_KEYS = {
    "m": "members-session",
    "p": "study-visit-pb",
    "d": "dinner",
    "o": "local-observatories",
    "c": "study-visit-coast",
}

PRIVACY_VERSION = "2027-1"
PRIVACY_NOTICE = {
    "en": "The network (OIDP) keeps your name, email, organisation, country, position, "
    "language and the needs you tell us to organise the conference and your sessions. "
    "Registration managers see them; nothing is published. We keep them until six months "
    "after the conference, then anonymise them. You can download or erase your data at any "
    "time from the link in your confirmation email.",
    "ca": "La xarxa (OIDP) conserva el vostre nom, correu electrònic, organització, país, "
    "càrrec, llengua i les necessitats que ens indiqueu per organitzar la conferència i les "
    "vostres sessions. Només els veuen els gestors d'inscripcions; no es publica res. Els "
    "conservem fins sis mesos després de la conferència i després els anonimitzem. Podeu "
    "descarregar o esborrar les vostres dades en qualsevol moment des de l'enllaç del correu "
    "de confirmació.",
    "es": "La red (OIDP) conserva su nombre, correo electrónico, organización, país, cargo, "
    "idioma y las necesidades que nos indique para organizar la conferencia y sus sesiones. "
    "Solo los ven los gestores de inscripciones; no se publica nada. Los conservamos hasta "
    "seis meses después de la conferencia y después los anonimizamos. Puede descargar o "
    "borrar sus datos en cualquier momento desde el enlace del correo de confirmación.",
}
