"""News items taken from the 2013 work plan, in English, Catalan and Spanish."""

import datetime

from core.demo.content import p

#: key: (date, tags, {language: fields})
NEWS = {
    "work-plan": (
        datetime.date(2013, 7, 2),
        ["cascais-2013", "network"],
        {
            "en": {
                "title": "Members validate the 2013 work plan in Cascais",
                "slug": "work-plan-2013-validated",
                "intro": "At the internal members' session of the 13th conference, the members validated the "
                "technical secretariat's work plan for 2013.",
                "body": [
                    p(
                        "The internal session took place in Cascais on 2 July 2013, from 16:00 to 20:00, within "
                        "the 13th OIDP conference, “Citizenship for sustainability”. The plan builds on the "
                        "agreements reached in Porto Alegre in 2012."
                    )
                ],
            },
            "ca": {
                "title": "Els membres validen el pla de treball 2013 a Cascais",
                "slug": "pla-de-treball-2013-validat",
                "intro": "En la sessió interna de membres de la 13a Conferència, els membres van validar el pla "
                "de treball 2013 de la Secretaria Tècnica.",
                "body": [
                    p(
                        "La sessió interna va tenir lloc a Cascais el 2 de juliol de 2013, de 16 a 20 h, en el "
                        "marc de la 13a Conferència de l'OIDP, «Ciutadania per a la sostenibilitat». El pla parteix "
                        "dels acords assolits a Porto Alegre el 2012."
                    )
                ],
            },
            "es": {
                "title": "Los miembros validan el plan de trabajo 2013 en Cascais",
                "slug": "plan-de-trabajo-2013-validado",
                "intro": "En la sesión interna de miembros de la 13.ª Conferencia, los miembros validaron el plan "
                "de trabajo 2013 de la Secretaría Técnica.",
                "body": [
                    p(
                        "La sesión interna tuvo lugar en Cascais el 2 de julio de 2013, de 16 a 20 h, en el marco "
                        "de la 13.ª Conferencia del OIDP, «Ciudadanía para la sostenibilidad». El plan parte de "
                        "los acuerdos alcanzados en Porto Alegre en 2012."
                    )
                ],
            },
        },
    ),
    "best-practice-award": (
        datetime.date(2013, 3, 1),
        ["award"],
        {
            "en": {
                "title": "Call for the 7th Best Practice in Citizen Participation award",
                "slug": "7th-best-practice-award",
                "intro": "The technical secretariat opens the seventh edition of the award, which recognises "
                "innovative experiences in citizen participation.",
                "body": [
                    p(
                        "The award detects and recognises innovative experiences in citizen participation. It "
                        "promotes the exchange of knowledge and helps the network find new members."
                    )
                ],
            },
            "ca": {
                "title": "Convocatòria de la 7a Distinció de Bones Pràctiques en Participació Ciutadana",
                "slug": "7a-distincio-bones-practiques",
                "intro": "La Secretaria Tècnica convoca la setena edició de la Distinció, que reconeix experiències "
                "innovadores en participació ciutadana.",
                "body": [
                    p(
                        "La Distinció vol detectar i reconèixer experiències innovadores en el camp de la "
                        "participació ciutadana. Promou l'intercanvi de coneixement i alhora permet la captació "
                        "de nous socis."
                    )
                ],
            },
            "es": {
                "title": "Convocatoria de la 7.ª Distinción de Buenas Prácticas en Participación Ciudadana",
                "slug": "7-distincion-buenas-practicas",
                "intro": "La Secretaría Técnica convoca la séptima edición de la Distinción, que reconoce "
                "experiencias innovadoras en participación ciudadana.",
                "body": [
                    p(
                        "La Distinción quiere detectar y reconocer experiencias innovadoras en el campo de la "
                        "participación ciudadana. Promueve el intercambio de conocimiento y a la vez permite "
                        "captar nuevos socios."
                    )
                ],
            },
        },
    ),
    "regional-offices": (
        datetime.date(2013, 1, 21),
        ["regions"],
        {
            "en": {
                "title": "Porto Alegre and Dakar: the network's regional offices",
                "slug": "regional-offices",
                "intro": "In 2013 the secretariat consolidates the offices for Latin America and Africa and works "
                "towards new ones in Northern Europe and North America.",
                "body": [
                    p(
                        "The members decided in Porto Alegre in November 2011 that the network should work from a "
                        "decentralised structure of regional offices, each an expert in its own territory. The "
                        "Latin American office opened in Porto Alegre in June 2012 and the African platform in "
                        "Dakar in December 2012."
                    )
                ],
            },
            "ca": {
                "title": "Porto Alegre i Dakar: les antenes regionals de la xarxa",
                "slug": "antenes-regionals",
                "intro": "El 2013 la Secretaria Tècnica consolida les oficines de l'Amèrica Llatina i l'Àfrica i fa "
                "camí cap a noves oficines al nord d'Europa i a l'Amèrica del Nord.",
                "body": [
                    p(
                        "Els membres van decidir a Porto Alegre el novembre de 2011 que la xarxa treballés a partir "
                        "d'una estructura descentralitzada d'oficines regionals, expertes en el seu propi territori. "
                        "L'oficina per a l'Amèrica Llatina es va obrir a Porto Alegre el juny de 2012 i la "
                        "plataforma africana a Dakar el desembre de 2012."
                    )
                ],
            },
            "es": {
                "title": "Porto Alegre y Dakar: las antenas regionales de la red",
                "slug": "antenas-regionales",
                "intro": "En 2013 la Secretaría Técnica consolida las oficinas de América Latina y África y avanza "
                "hacia nuevas oficinas en el norte de Europa y en América del Norte.",
                "body": [
                    p(
                        "Los miembros decidieron en Porto Alegre en noviembre de 2011 que la red trabajara a partir "
                        "de una estructura descentralizada de oficinas regionales, expertas en su propio territorio. "
                        "La oficina para América Latina se abrió en Porto Alegre en junio de 2012 y la plataforma "
                        "africana en Dakar en diciembre de 2012."
                    )
                ],
            },
        },
    ),
    "local-observatories": (
        datetime.date(2013, 2, 4),
        ["working-groups"],
        {
            "en": {
                "title": "A working group to rethink the Local Observatories",
                "slug": "local-observatories-working-group",
                "intro": "The secretariat leads a working group on redefining the Local Observatories of "
                "Participatory Democracy project, run from 2004 to 2007.",
                "body": [
                    p(
                        "The members agreed to set up the group and to give the local observatories a space at "
                        "every OIDP conference. The group will organise a session on the subject at the 13th "
                        "conference in Cascais."
                    )
                ],
            },
            "ca": {
                "title": "Un grup de treball per repensar els Observatoris Locals",
                "slug": "grup-de-treball-observatoris-locals",
                "intro": "La Secretaria Tècnica lidera un grup de treball sobre la redefinició del projecte "
                "d'Observatoris Locals de Democràcia Participativa, implementat del 2004 al 2007.",
                "body": [
                    p(
                        "Els membres van acordar posar en marxa el grup i recuperar un espai per als observatoris "
                        "locals en totes les conferències de l'OIDP. El grup organitzarà una sessió sobre aquesta "
                        "temàtica durant la 13a Conferència a Cascais."
                    )
                ],
            },
            "es": {
                "title": "Un grupo de trabajo para repensar los Observatorios Locales",
                "slug": "grupo-de-trabajo-observatorios-locales",
                "intro": "La Secretaría Técnica lidera un grupo de trabajo sobre la redefinición del proyecto de "
                "Observatorios Locales de Democracia Participativa, implementado de 2004 a 2007.",
                "body": [
                    p(
                        "Los miembros acordaron poner en marcha el grupo y recuperar un espacio para los "
                        "observatorios locales en todas las conferencias del OIDP. El grupo organizará una sesión "
                        "sobre esta temática durante la 13.ª Conferencia en Cascais."
                    )
                ],
            },
        },
    ),
}
