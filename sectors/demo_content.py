"""Demo content of the sector tables in Catalan, Spanish and English: read by sectors.seed."""

PLAN_START_YEAR = 2025  # the 10-year plans run 2025..2034

LINES = [
    (
        "L1",
        {
            "ca": "Augmentar el pes de l'ESS en l'economia de la ciutat, la seva solidesa, articulació i extensió, especialment en els sectors estratègics",
            "es": "Aumentar el peso de la ESS en la economía de la ciudad, su solidez, articulación y extensión, especialmente en los sectores estratégicos",
            "en": "Increase the weight of the SSE in the city's economy, together with its solidity, coordination and reach, especially in the strategic sectors",
        },
    ),
    (
        "L7",
        {
            "ca": "Desenvolupar palanques que impulsin l'Estratègia",
            "es": "Desarrollar palancas que impulsen la Estrategia",
            "en": "Develop levers that drive the Strategy",
        },
    ),
    (
        "L8",
        {
            "ca": "Transversalitzar els reptes de l'economia digital, l'economia feminista, les migracions i la transició energètica i ecològica",
            "es": "Transversalizar los retos de la economía digital, la economía feminista, las migraciones y la transición energética y ecológica",
            "en": "Mainstream the challenges of the digital economy, the feminist economy, migration and the energy and ecological transition",
        },
    ),
]

GOALS = [
    (
        "1.1",
        {
            "ca": "Incidir en el model productiu de la ciutat mitjançant l'impuls de l'ESS en els sectors estratègics",
            "es": "Incidir en el modelo productivo de la ciudad mediante el impulso de la ESS en los sectores estratégicos",
            "en": "Influence the city's production model by promoting the SSE in the strategic sectors",
        },
    ),
    (
        "1.2",
        {
            "ca": "Augmentar l'ocupació de qualitat de l'ESS en els sectors estratègics",
            "es": "Aumentar el empleo de calidad de la ESS en los sectores estratégicos",
            "en": "Increase quality employment in the SSE in the strategic sectors",
        },
    ),
    (
        "1.3",
        {
            "ca": "Polinitzar altres actors econòmics amb instruments i pràctiques de l'ESS",
            "es": "Polinizar a otros actores económicos con instrumentos y prácticas de la ESS",
            "en": "Cross-pollinate other economic actors with SSE tools and practices",
        },
    ),
    (
        "3.2",
        {
            "ca": "Facilitar la intercooperació entre actors de l'ESS, enfortint el mercat social",
            "es": "Facilitar la intercooperación entre actores de la ESS, fortaleciendo el mercado social",
            "en": "Facilitate inter-cooperation between SSE actors, strengthening the social market",
        },
    ),
    (
        "3.3",
        {
            "ca": "Impulsar la transformació de la demanda de consum, a través d'espais físics i virtuals de comercialització, difusió i sensibilització de l'ESS",
            "es": "Impulsar la transformación de la demanda de consumo, a través de espacios físicos y virtuales de comercialización, difusión y sensibilización de la ESS",
            "en": "Drive the transformation of consumer demand through physical and online spaces for selling, promoting and raising awareness of the SSE",
        },
    ),
    (
        "4.2",
        {
            "ca": "Promoure l'articulació de les iniciatives d'ESS a les comunitats i districtes de la ciutat",
            "es": "Promover la articulación de las iniciativas de ESS en las comunidades y distritos de la ciudad",
            "en": "Promote the networking of SSE initiatives in the city's communities and districts",
        },
    ),
    (
        "4.3",
        {
            "ca": "Promoure pols econòmics d'ESS locals",
            "es": "Promover polos económicos de ESS locales",
            "en": "Promote local SSE economic hubs",
        },
    ),
]

TABLES = [
    # ------------------------------------------------------------------ agroecologia
    {
        "sector": "agroecologia",
        "colour": "#2f7d32",
        "icon": "leaf",
        "title": {
            "ca": "Taula d'agroecologia i alimentació",
            "es": "Mesa de agroecología y alimentación",
            "en": "Agroecology and food table",
        },
        "slug": {"ca": "agroecologia", "es": "agroecologia", "en": "agroecology"},
        "introduction": {
            "ca": "La taula reuneix cooperatives agràries, grups de consum, obradors i entitats d'horts urbans que volen acostar la producció agroecològica a la ciutat. Treballa en la logística compartida, la compra pública alimentària i la protecció de l'espai agrari proper a Barcelona.",
            "es": "La mesa reúne cooperativas agrarias, grupos de consumo, obradores y entidades de huertos urbanos que quieren acercar la producción agroecológica a la ciudad. Trabaja en la logística compartida, la compra pública alimentaria y la protección del espacio agrario cercano a Barcelona.",
            "en": "The table brings together farming cooperatives, consumer groups, food workshops and urban-garden organisations that want to bring agroecological production closer to the city. It works on shared logistics, public food procurement and the protection of farmland near Barcelona.",
        },
        "contacts": [
            (
                "Núria",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "agroecologia@example.org",
                "+34 930 000 101",
            ),
            (
                "Oriol",
                {"ca": "Secretaria tècnica", "es": "Secretaría técnica", "en": "Technical secretariat"},
                "agroecologia.secretaria@example.org",
                "+34 930 000 102",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Logística compartida de proximitat",
                    "es": "Logística compartida de proximidad",
                    "en": "Shared local logistics",
                },
                "description": {
                    "ca": "Reduir els costos i les emissions de la distribució d'aliments agroecològics cap als barris.",
                    "es": "Reducir los costes y las emisiones de la distribución de alimentos agroecológicos hacia los barrios.",
                    "en": "Cut the costs and emissions of distributing agroecological food to the neighbourhoods.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Diagnosi de rutes i magatzems de les entitats",
                            "es": "Diagnóstico de rutas y almacenes de las entidades",
                            "en": "Survey of the members' delivery routes and warehouses",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Punt logístic compartit al Poblenou",
                            "es": "Punto logístico compartido en el Poblenou",
                            "en": "Shared logistics hub in Poblenou",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 40,
                        "goals": ["3.2", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Repartiment d'última milla amb bicicletes de càrrega",
                            "es": "Reparto de última milla con bicicletas de carga",
                            "en": "Last-mile delivery by cargo bike",
                        },
                        "start": 2026,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.2", "1.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Compra pública alimentària",
                    "es": "Compra pública alimentaria",
                    "en": "Public food procurement",
                },
                "description": {
                    "ca": "Aconseguir que escoles bressol, escoles i centres municipals serveixin més producte agroecològic i de proximitat.",
                    "es": "Conseguir que escuelas infantiles, escuelas y centros municipales sirvan más producto agroecológico y de proximidad.",
                    "en": "Get nursery schools, schools and municipal centres to serve more local agroecological produce.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Guia de clàusules socials i ambientals per a menjadors",
                            "es": "Guía de cláusulas sociales y ambientales para comedores",
                            "en": "Guide to social and environmental clauses for canteens",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.3"],
                    },
                    {
                        "title": {
                            "ca": "Consorci d'entitats per licitar menjadors escolars",
                            "es": "Consorcio de entidades para licitar comedores escolares",
                            "en": "Consortium of organisations bidding for school canteens",
                        },
                        "start": 2025,
                        "end": 2028,
                        "status": "in_progress",
                        "completion": 25,
                        "goals": ["3.2", "1.2"],
                    },
                    {
                        "title": {
                            "ca": "Prova pilot en deu escoles de Sant Andreu i Nou Barris",
                            "es": "Prueba piloto en diez escuelas de Sant Andreu y Nou Barris",
                            "en": "Pilot in ten schools in Sant Andreu and Nou Barris",
                        },
                        "start": 2027,
                        "end": 2029,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.1", "4.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Terra i relleu pagès",
                    "es": "Tierra y relevo campesino",
                    "en": "Land and a new generation of farmers",
                },
                "description": {
                    "ca": "Protegir l'espai agrari proper i facilitar l'accés a la terra de noves cooperatives.",
                    "es": "Proteger el espacio agrario cercano y facilitar el acceso a la tierra de nuevas cooperativas.",
                    "en": "Protect nearby farmland and help new cooperatives gain access to land.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Banc de terres i finques disponibles",
                            "es": "Banco de tierras y fincas disponibles",
                            "en": "Land bank of available plots",
                        },
                        "start": 2026,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.1", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Programa d'amadrinament per a noves cooperatives agràries",
                            "es": "Programa de amadrinamiento para nuevas cooperativas agrarias",
                            "en": "Mentoring programme for new farming cooperatives",
                        },
                        "start": 2025,
                        "end": 2034,
                        "status": "in_progress",
                        "completion": 15,
                        "goals": ["1.2", "3.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {
                    "ca": "Espai Participatiu Agròpolis",
                    "es": "Espacio Participativo Agròpolis",
                    "en": "Agròpolis Participatory Space",
                },
                "slug": {
                    "ca": "espai-participatiu-agropolis",
                    "es": "espacio-participativo-agropolis",
                    "en": "agropolis-participatory-space",
                },
                "introduction": {
                    "ca": "Agròpolis és un espai obert on pageses, cooperatives, grups de consum i veïnat debaten i decideixen com ha de ser el sistema alimentari de la ciutat. Organitza assemblees trimestrals, grups de treball i un mercat de pagès mensual al Poblenou.",
                    "es": "Agròpolis es un espacio abierto donde campesinas, cooperativas, grupos de consumo y vecindario debaten y deciden cómo debe ser el sistema alimentario de la ciudad. Organiza asambleas trimestrales, grupos de trabajo y un mercado campesino mensual en el Poblenou.",
                    "en": "Agròpolis is an open space where farmers, cooperatives, consumer groups and residents discuss and decide what the city's food system should look like. It holds quarterly assemblies, working groups and a monthly farmers' market in Poblenou.",
                },
                "status": "running",
                "completion": 45,
                "start": "2024-03-01",
                "end": "2027-12-31",
                "districts": ["10"],
                "lines": ["L1", "L8"],
                "goals": ["3.3", "4.2", "4.3"],
                "locations": [
                    (
                        {"ca": "Nau del Poblenou", "es": "Nave del Poblenou", "en": "Poblenou warehouse"},
                        41.4018,
                        2.1965,
                    ),
                ],
                "updates": [
                    (
                        "2025-02-15",
                        {
                            "ca": "Primera assemblea oberta, amb més de 120 participants i 35 entitats.",
                            "es": "Primera asamblea abierta, con más de 120 participantes y 35 entidades.",
                            "en": "First open assembly, with more than 120 participants and 35 organisations.",
                        },
                    ),
                    (
                        "2025-06-07",
                        {
                            "ca": "Comença el mercat de pagès mensual, amb catorze parades de producció agroecològica.",
                            "es": "Arranca el mercado campesino mensual, con catorce puestos de producción agroecológica.",
                            "en": "The monthly farmers' market opens, with fourteen agroecological stalls.",
                        },
                    ),
                    (
                        "2025-10-20",
                        {
                            "ca": "El grup de treball de compra pública presenta les primeres propostes al Districte de Sant Martí.",
                            "es": "El grupo de trabajo de compra pública presenta las primeras propuestas al Distrito de Sant Martí.",
                            "en": "The public procurement working group presents its first proposals to the Sant Martí District.",
                        },
                    ),
                ],
            },
            {
                "title": {
                    "ca": "Xarxa de Parcs Agraris propers a la ciutat",
                    "es": "Red de Parques Agrarios cercanos a la ciudad",
                    "en": "Network of Farm Parks near the City",
                },
                "slug": {
                    "ca": "xarxa-parcs-agraris",
                    "es": "red-parques-agrarios",
                    "en": "farm-parks-network",
                },
                "introduction": {
                    "ca": "El projecte vol connectar els espais agraris de Collserola, el Baix Llobregat i el Besòs amb els mercats i menjadors de Barcelona. Comença identificant finques, masies i horts dels marges de la ciutat que poden acollir projectes agroecològics.",
                    "es": "El proyecto quiere conectar los espacios agrarios de Collserola, el Baix Llobregat y el Besòs con los mercados y comedores de Barcelona. Empieza identificando fincas, masías y huertos de los márgenes de la ciudad que pueden acoger proyectos agroecológicos.",
                    "en": "The project aims to connect the farmland of Collserola, the Baix Llobregat and the Besòs with Barcelona's markets and canteens. It starts by mapping estates, farmhouses and gardens on the edge of the city that could host agroecological projects.",
                },
                "status": "design",
                "completion": 20,
                "start": "2025-01-15",
                "end": "2029-12-31",
                "districts": ["07", "08"],
                "lines": ["L1", "L8"],
                "goals": ["1.1", "4.3"],
                "locations": [
                    (
                        {
                            "ca": "Horts de Torre Baró",
                            "es": "Huertos de Torre Baró",
                            "en": "Torre Baró gardens",
                        },
                        41.4510,
                        2.1700,
                    ),
                    (
                        {
                            "ca": "Finca de Montbau, vessant de Collserola",
                            "es": "Finca de Montbau, ladera de Collserola",
                            "en": "Montbau estate, Collserola hillside",
                        },
                        41.4300,
                        2.1410,
                    ),
                ],
                "updates": [
                    (
                        "2025-03-10",
                        {
                            "ca": "La taula signa un acord de col·laboració amb tres cooperatives del Baix Llobregat.",
                            "es": "La mesa firma un acuerdo de colaboración con tres cooperativas del Baix Llobregat.",
                            "en": "The table signs a collaboration agreement with three cooperatives from the Baix Llobregat.",
                        },
                    ),
                    (
                        "2025-09-25",
                        {
                            "ca": "S'acaba l'inventari de finques: 18 espais amb potencial agrari dins del terme municipal.",
                            "es": "Se termina el inventario de fincas: 18 espacios con potencial agrario dentro del término municipal.",
                            "en": "The land inventory is finished: 18 sites with farming potential within the city limits.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-10-02",
                "kind": "news",
                "title": {
                    "ca": "La taula d'agroecologia presenta la guia de menjadors sostenibles",
                    "es": "La mesa de agroecología presenta la guía de comedores sostenibles",
                    "en": "The agroecology table presents its sustainable canteens guide",
                },
                "slug": {
                    "ca": "guia-menjadors-sostenibles",
                    "es": "guia-comedores-sostenibles",
                    "en": "sustainable-canteens-guide",
                },
                "introduction": {
                    "ca": "La guia recull clàusules socials i ambientals que escoles i centres municipals poden incloure als contractes de menjador. S'ha elaborat amb cooperatives agràries i associacions de famílies.",
                    "es": "La guía recoge cláusulas sociales y ambientales que escuelas y centros municipales pueden incluir en los contratos de comedor. Se ha elaborado con cooperativas agrarias y asociaciones de familias.",
                    "en": "The guide sets out social and environmental clauses that schools and municipal centres can include in their canteen contracts. It was written with farming cooperatives and parents' associations.",
                },
            },
            {
                "date": "2025-09-18",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la sessió plenària de setembre",
                    "es": "Acta de la sesión plenaria de septiembre",
                    "en": "Minutes of the September plenary session",
                },
                "slug": {
                    "ca": "acta-agroecologia-setembre-2025",
                    "es": "acta-agroecologia-septiembre-2025",
                    "en": "agroecology-minutes-september-2025",
                },
                "introduction": {
                    "ca": "La taula va revisar l'avenç del punt logístic compartit i va aprovar l'inventari de finques de la Xarxa de Parcs Agraris. També es va acordar el calendari d'assemblees d'Agròpolis per al 2026.",
                    "es": "La mesa revisó el avance del punto logístico compartido y aprobó el inventario de fincas de la Red de Parques Agrarios. También se acordó el calendario de asambleas de Agròpolis para 2026.",
                    "en": "The table reviewed progress on the shared logistics hub and approved the land inventory of the Farm Parks Network. It also agreed the schedule of Agròpolis assemblies for 2026.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ consum
    {
        "sector": "consum",
        "colour": "#a3362a",
        "icon": "basket",
        "title": {
            "ca": "Taula de consum conscient i mercat social",
            "es": "Mesa de consumo consciente y mercado social",
            "en": "Conscious consumption and social market table",
        },
        "slug": {"ca": "consum", "es": "consumo", "en": "conscious-consumption"},
        "introduction": {
            "ca": "Hi participen cooperatives de consum, botigues de l'economia social, grups de consum i plataformes de venda en línia del mercat social. La taula treballa perquè el consum conscient sigui més visible, accessible i assequible a tots els barris.",
            "es": "Participan cooperativas de consumo, tiendas de la economía social, grupos de consumo y plataformas de venta en línea del mercado social. La mesa trabaja para que el consumo consciente sea más visible, accesible y asequible en todos los barrios.",
            "en": "Its members are consumer cooperatives, social economy shops, consumer groups and online sales platforms of the social market. The table works to make conscious consumption more visible, accessible and affordable in every neighbourhood.",
        },
        "contacts": [
            (
                "Marta",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "consum@example.org",
                "+34 930 000 111",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Punts de venda del mercat social",
                    "es": "Puntos de venta del mercado social",
                    "en": "Social market outlets",
                },
                "description": {
                    "ca": "Ampliar i connectar els espais físics on es poden comprar productes i serveis de l'ESS.",
                    "es": "Ampliar y conectar los espacios físicos donde se pueden comprar productos y servicios de la ESS.",
                    "en": "Expand and connect the physical spaces where SSE goods and services can be bought.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Mapa de botigues i mercats del consum conscient",
                            "es": "Mapa de tiendas y mercados del consumo consciente",
                            "en": "Map of conscious-consumption shops and markets",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.3"],
                    },
                    {
                        "title": {
                            "ca": "Obrir l'espai comercial compartit de Sants",
                            "es": "Abrir el espacio comercial compartido de Sants",
                            "en": "Open the shared shop in Sants",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "in_progress",
                        "completion": 70,
                        "goals": ["3.3", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Parades del mercat social als mercats municipals",
                            "es": "Puestos del mercado social en los mercados municipales",
                            "en": "Social market stalls in municipal markets",
                        },
                        "start": 2026,
                        "end": 2029,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.3", "1.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Botiga en línia compartida",
                    "es": "Tienda en línea compartida",
                    "en": "Shared online shop",
                },
                "description": {
                    "ca": "Crear una plataforma comuna de venda en línia per a les entitats que no en poden mantenir una de pròpia.",
                    "es": "Crear una plataforma común de venta en línea para las entidades que no pueden mantener una propia.",
                    "en": "Build a common online sales platform for organisations that cannot run one of their own.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Estudi de viabilitat amb cooperatives de programari lliure",
                            "es": "Estudio de viabilidad con cooperativas de software libre",
                            "en": "Feasibility study with free-software cooperatives",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Desenvolupament i prova de la plataforma",
                            "es": "Desarrollo y prueba de la plataforma",
                            "en": "Development and testing of the platform",
                        },
                        "start": 2026,
                        "end": 2027,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.3", "3.2"],
                    },
                    {
                        "title": {
                            "ca": "Moneda social com a mitjà de pagament",
                            "es": "Moneda social como medio de pago",
                            "en": "Social currency as a means of payment",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "cancelled",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Sensibilització i campanyes",
                    "es": "Sensibilización y campañas",
                    "en": "Awareness and campaigns",
                },
                "description": {
                    "ca": "Explicar a la ciutadania què hi ha darrere d'un producte de l'ESS i on el pot trobar.",
                    "es": "Explicar a la ciudadanía qué hay detrás de un producto de la ESS y dónde puede encontrarlo.",
                    "en": "Explain to the public what lies behind an SSE product and where to find it.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Campanya de Nadal «Regala ESS»",
                            "es": "Campaña de Navidad «Regala ESS»",
                            "en": "“Give SSE” Christmas campaign",
                        },
                        "start": 2025,
                        "end": 2034,
                        "status": "in_progress",
                        "completion": 10,
                        "goals": ["3.3"],
                    },
                    {
                        "title": {
                            "ca": "Tallers de consum conscient a casals i escoles",
                            "es": "Talleres de consumo consciente en casales y escuelas",
                            "en": "Conscious-consumption workshops in community centres and schools",
                        },
                        "start": 2026,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.3", "4.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {
                    "ca": "Espai comercial de consum conscient",
                    "es": "Espacio comercial de consumo consciente",
                    "en": "Conscious consumption shop",
                },
                "slug": {
                    "ca": "espai-comercial-consum-conscient",
                    "es": "espacio-comercial-consumo-consciente",
                    "en": "conscious-consumption-shop",
                },
                "introduction": {
                    "ca": "Un local compartit on una vintena d'entitats de l'ESS venen aliments, roba, cosmètica, llibres i serveis sota un mateix sostre. La gestió és cooperativa i les entitats hi fan torns d'atenció i activitats obertes al barri.",
                    "es": "Un local compartido donde una veintena de entidades de la ESS venden alimentos, ropa, cosmética, libros y servicios bajo un mismo techo. La gestión es cooperativa y las entidades hacen turnos de atención y actividades abiertas al barrio.",
                    "en": "A shared shop where some twenty SSE organisations sell food, clothes, cosmetics, books and services under one roof. It is run cooperatively, and the members take turns staffing it and holding activities open to the neighbourhood.",
                },
                "status": "running",
                "completion": 65,
                "start": "2024-09-01",
                "end": None,
                "districts": ["03", "06"],
                "lines": ["L1", "L7"],
                "goals": ["3.2", "3.3", "4.3"],
                "locations": [
                    (
                        {
                            "ca": "Local del carrer de Sants",
                            "es": "Local de la calle de Sants",
                            "en": "Shop on Carrer de Sants",
                        },
                        41.3760,
                        2.1355,
                    ),
                    (
                        {
                            "ca": "Punt de recollida de Gràcia",
                            "es": "Punto de recogida de Gràcia",
                            "en": "Gràcia pick-up point",
                        },
                        41.4025,
                        2.1565,
                    ),
                ],
                "updates": [
                    (
                        "2025-01-20",
                        {
                            "ca": "Es signa el contracte de lloguer del local del carrer de Sants.",
                            "es": "Se firma el contrato de alquiler del local de la calle de Sants.",
                            "en": "The lease for the shop on Carrer de Sants is signed.",
                        },
                    ),
                    (
                        "2025-05-03",
                        {
                            "ca": "Inauguració de l'espai amb 22 entitats i una festa al carrer.",
                            "es": "Inauguración del espacio con 22 entidades y una fiesta en la calle.",
                            "en": "The shop opens with 22 member organisations and a street party.",
                        },
                    ),
                    (
                        "2025-09-12",
                        {
                            "ca": "Obre el punt de recollida de comandes de Gràcia, vinculat a l'espai de Sants.",
                            "es": "Abre el punto de recogida de pedidos de Gràcia, vinculado al espacio de Sants.",
                            "en": "The Gràcia order pick-up point, linked to the Sants shop, opens.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-11-05",
                "kind": "news",
                "title": {
                    "ca": "L'espai comercial de consum conscient compleix sis mesos",
                    "es": "El espacio comercial de consumo consciente cumple seis meses",
                    "en": "The conscious consumption shop turns six months old",
                },
                "slug": {
                    "ca": "espai-consum-sis-mesos",
                    "es": "espacio-consumo-seis-meses",
                    "en": "conscious-shop-six-months",
                },
                "introduction": {
                    "ca": "En els primers sis mesos, l'espai de Sants ha rebut més de 9.000 visites i ha facturat prop de 180.000 euros per a les entitats sòcies. La taula prepara ara la campanya de Nadal.",
                    "es": "En sus primeros seis meses, el espacio de Sants ha recibido más de 9.000 visitas y ha facturado cerca de 180.000 euros para las entidades socias. La mesa prepara ahora la campaña de Navidad.",
                    "en": "In its first six months, the Sants shop has had more than 9,000 visits and taken nearly 180,000 euros for its member organisations. The table is now preparing the Christmas campaign.",
                },
            },
            {
                "date": "2025-07-10",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de juliol",
                    "es": "Acta de la reunión de julio",
                    "en": "Minutes of the July meeting",
                },
                "slug": {
                    "ca": "acta-consum-juliol-2025",
                    "es": "acta-consumo-julio-2025",
                    "en": "consumption-minutes-july-2025",
                },
                "introduction": {
                    "ca": "Es va fer balanç de l'obertura de l'espai de Sants i es va decidir no continuar, de moment, amb el pagament en moneda social. El grup de la botiga en línia presentarà l'estudi de viabilitat a la tardor.",
                    "es": "Se hizo balance de la apertura del espacio de Sants y se decidió no seguir, de momento, con el pago en moneda social. El grupo de la tienda en línea presentará el estudio de viabilidad en otoño.",
                    "en": "The meeting reviewed the opening of the Sants shop and decided not to go ahead with social currency payments for now. The online shop group will present its feasibility study in the autumn.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ habitatge
    {
        "sector": "habitatge",
        "colour": "#1f5f8b",
        "icon": "house",
        "title": {"ca": "Taula d'habitatge", "es": "Mesa de vivienda", "en": "Housing table"},
        "slug": {"ca": "habitatge", "es": "vivienda", "en": "housing"},
        "introduction": {
            "ca": "La taula aplega cooperatives d'habitatge en cessió d'ús, entitats de mediació i suport social i empreses de serveis associats a l'habitatge. Treballa per ampliar el parc d'habitatge assequible fora del mercat especulatiu i per teixir una xarxa de serveis de l'ESS al voltant de cada projecte.",
            "es": "La mesa agrupa cooperativas de vivienda en cesión de uso, entidades de mediación y apoyo social y empresas de servicios asociados a la vivienda. Trabaja para ampliar el parque de vivienda asequible fuera del mercado especulativo y para tejer una red de servicios de la ESS alrededor de cada proyecto.",
            "en": "The table brings together grant-of-use housing cooperatives, mediation and social support organisations, and companies offering housing-related services. It works to expand affordable housing outside the speculative market and to weave a network of SSE services around each project.",
        },
        "contacts": [
            (
                "Pau",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "habitatge@example.org",
                "+34 930 000 121",
            ),
            (
                "Aina",
                {
                    "ca": "Mediació i suport social",
                    "es": "Mediación y apoyo social",
                    "en": "Mediation and social support",
                },
                "habitatge.mediacio@example.org",
                "+34 930 000 122",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Habitatge cooperatiu en cessió d'ús",
                    "es": "Vivienda cooperativa en cesión de uso",
                    "en": "Grant-of-use cooperative housing",
                },
                "description": {
                    "ca": "Multiplicar els habitatges cooperatius en sòl públic i en edificis rehabilitats.",
                    "es": "Multiplicar las viviendas cooperativas en suelo público y en edificios rehabilitados.",
                    "en": "Multiply cooperative homes on public land and in refurbished buildings.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Proposta conjunta per al concurs de solars municipals",
                            "es": "Propuesta conjunta para el concurso de solares municipales",
                            "en": "Joint bid for the municipal plots tender",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.1", "3.2"],
                    },
                    {
                        "title": {
                            "ca": "Acompanyament a cinc grups impulsors",
                            "es": "Acompañamiento a cinco grupos impulsores",
                            "en": "Support for five founding groups",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 35,
                        "goals": ["1.2", "4.2"],
                    },
                    {
                        "title": {
                            "ca": "Línia de rehabilitació d'edificis buits",
                            "es": "Línea de rehabilitación de edificios vacíos",
                            "en": "Programme to refurbish empty buildings",
                        },
                        "start": 2027,
                        "end": 2032,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.1"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Serveis associats a l'habitatge",
                    "es": "Servicios asociados a la vivienda",
                    "en": "Housing-related services",
                },
                "description": {
                    "ca": "Organitzar una xarxa d'entitats de l'ESS que ofereixin energia, alimentació, mobilitat, cures i mediació familiar als projectes d'habitatge.",
                    "es": "Organizar una red de entidades de la ESS que ofrezcan energía, alimentación, movilidad, cuidados y mediación familiar a los proyectos de vivienda.",
                    "en": "Organise a network of SSE organisations offering energy, food, mobility, care and family mediation to housing projects.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Catàleg de serveis associats",
                            "es": "Catálogo de servicios asociados",
                            "en": "Catalogue of housing-related services",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Acords marc amb les taules d'energia, cures i mobilitat",
                            "es": "Acuerdos marco con las mesas de energía, cuidados y movilidad",
                            "en": "Framework agreements with the energy, care and mobility tables",
                        },
                        "start": 2026,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.2", "1.3"],
                    },
                    {
                        "title": {
                            "ca": "Servei de mediació per a famílies en habitatges d'entitats bancàries",
                            "es": "Servicio de mediación para familias en viviendas de entidades bancarias",
                            "en": "Mediation service for families living in bank-owned homes",
                        },
                        "start": 2025,
                        "end": 2029,
                        "status": "in_progress",
                        "completion": 20,
                        "goals": ["4.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Articulació de xarxes d'habitatge",
                    "es": "Articulación de redes de vivienda",
                    "en": "Connecting housing networks",
                },
                "description": {
                    "ca": "Enfortir la relació amb les xarxes d'habitatge cooperatiu locals, catalanes i estatals.",
                    "es": "Fortalecer la relación con las redes de vivienda cooperativa locales, catalanas y estatales.",
                    "en": "Strengthen links with local, Catalan and Spain-wide cooperative housing networks.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Trobada anual d'habitatge cooperatiu",
                            "es": "Encuentro anual de vivienda cooperativa",
                            "en": "Annual cooperative housing gathering",
                        },
                        "start": 2025,
                        "end": 2034,
                        "status": "in_progress",
                        "completion": 10,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Formació en gestió comunitària per a cooperatives noves",
                            "es": "Formación en gestión comunitaria para cooperativas nuevas",
                            "en": "Community management training for new cooperatives",
                        },
                        "start": 2026,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3", "1.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {
                    "ca": "Community Land Trust",
                    "es": "Community Land Trust",
                    "en": "Community Land Trust",
                },
                "slug": {
                    "ca": "community-land-trust",
                    "es": "community-land-trust",
                    "en": "community-land-trust",
                },
                "introduction": {
                    "ca": "El Community Land Trust separa la propietat del sòl de la dels habitatges per garantir que siguin assequibles per sempre. Una fundació comunitària, amb veïnat, entitats i Ajuntament, gestionarà el sòl a Nou Barris i Sant Andreu.",
                    "es": "El Community Land Trust separa la propiedad del suelo de la de las viviendas para garantizar que sean asequibles para siempre. Una fundación comunitaria, con vecindario, entidades y Ayuntamiento, gestionará el suelo en Nou Barris y Sant Andreu.",
                    "en": "The Community Land Trust separates ownership of the land from ownership of the homes so that they stay affordable for good. A community foundation made up of residents, organisations and the City Council will hold the land in Nou Barris and Sant Andreu.",
                },
                "status": "design",
                "completion": 25,
                "start": "2025-01-01",
                "end": "2030-12-31",
                "districts": ["08", "09"],
                "lines": ["L1", "L7"],
                "goals": ["1.1", "4.2", "4.3"],
                "locations": [
                    (
                        {"ca": "Solar de Verdun", "es": "Solar de Verdun", "en": "Verdun plot"},
                        41.4430,
                        2.1775,
                    ),
                    (
                        {
                            "ca": "Edifici del Bon Pastor",
                            "es": "Edificio del Bon Pastor",
                            "en": "Bon Pastor building",
                        },
                        41.4365,
                        2.2045,
                    ),
                ],
                "updates": [
                    (
                        "2025-04-08",
                        {
                            "ca": "Es constitueix el grup promotor, amb dotze entitats i dues associacions de veïns.",
                            "es": "Se constituye el grupo promotor, con doce entidades y dos asociaciones vecinales.",
                            "en": "The founding group is set up, with twelve organisations and two residents' associations.",
                        },
                    ),
                    (
                        "2025-07-22",
                        {
                            "ca": "Es presenta l'esborrany d'estatuts de la fundació comunitària.",
                            "es": "Se presenta el borrador de estatutos de la fundación comunitaria.",
                            "en": "The draft articles of the community foundation are presented.",
                        },
                    ),
                    (
                        "2025-11-03",
                        {
                            "ca": "El Districte de Nou Barris proposa un primer solar per a la prova pilot.",
                            "es": "El Distrito de Nou Barris propone un primer solar para la prueba piloto.",
                            "en": "The Nou Barris District proposes a first plot for the pilot.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-10-16",
                "kind": "news",
                "title": {
                    "ca": "Cinc grups impulsors d'habitatge cooperatiu comencen l'acompanyament",
                    "es": "Cinco grupos impulsores de vivienda cooperativa empiezan el acompañamiento",
                    "en": "Five cooperative housing groups start their support programme",
                },
                "slug": {
                    "ca": "acompanyament-grups-habitatge",
                    "es": "acompanamiento-grupos-vivienda",
                    "en": "housing-groups-support",
                },
                "introduction": {
                    "ca": "Els grups, de Sants, el Clot, Horta i Sant Andreu, rebran durant dos anys suport jurídic, econòmic i de facilitació. L'acompanyament el fan cooperatives de la mateixa taula.",
                    "es": "Los grupos, de Sants, el Clot, Horta y Sant Andreu, recibirán durante dos años apoyo jurídico, económico y de facilitación. El acompañamiento lo hacen cooperativas de la propia mesa.",
                    "en": "The groups, from Sants, El Clot, Horta and Sant Andreu, will receive legal, financial and facilitation support for two years. The support is provided by cooperatives from the table itself.",
                },
            },
            {
                "date": "2025-06-12",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de juny",
                    "es": "Acta de la reunión de junio",
                    "en": "Minutes of the June meeting",
                },
                "slug": {
                    "ca": "acta-habitatge-juny-2025",
                    "es": "acta-vivienda-junio-2025",
                    "en": "housing-minutes-june-2025",
                },
                "introduction": {
                    "ca": "La taula va validar el catàleg de serveis associats a l'habitatge i va debatre el model de governança del Community Land Trust. Es va acordar convidar les taules d'energia i de cures a la propera sessió.",
                    "es": "La mesa validó el catálogo de servicios asociados a la vivienda y debatió el modelo de gobernanza del Community Land Trust. Se acordó invitar a las mesas de energía y de cuidados a la próxima sesión.",
                    "en": "The table approved the catalogue of housing-related services and discussed the governance model of the Community Land Trust. It agreed to invite the energy and care tables to the next session.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ textil
    {
        "sector": "textil",
        "colour": "#6d4c41",
        "icon": "shirt",
        "title": {"ca": "Taula del tèxtil", "es": "Mesa del textil", "en": "Textile table"},
        "slug": {"ca": "textil", "es": "textil", "en": "textile"},
        "introduction": {
            "ca": "La taula reuneix tallers de confecció, empreses d'inserció de recollida de roba, botigues de segona mà i dissenyadores que treballen amb criteris de l'ESS. Treballa per tancar el cicle del tèxtil a la ciutat: recollida, classificació, reparació, redisseny i venda.",
            "es": "La mesa reúne talleres de confección, empresas de inserción de recogida de ropa, tiendas de segunda mano y diseñadoras que trabajan con criterios de la ESS. Trabaja para cerrar el ciclo del textil en la ciudad: recogida, clasificación, reparación, rediseño y venta.",
            "en": "The table brings together sewing workshops, work-integration companies that collect clothing, second-hand shops and designers working to SSE principles. It works to close the textile loop in the city: collection, sorting, repair, redesign and sale.",
        },
        "contacts": [
            (
                "Laia",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "textil@example.org",
                "+34 930 000 131",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Recollida i classificació de roba usada",
                    "es": "Recogida y clasificación de ropa usada",
                    "en": "Collection and sorting of used clothing",
                },
                "description": {
                    "ca": "Assegurar que la roba usada de la ciutat es gestioni des de l'ESS i generi ocupació local.",
                    "es": "Asegurar que la ropa usada de la ciudad se gestione desde la ESS y genere empleo local.",
                    "en": "Make sure the city's used clothing is handled by the SSE and creates local jobs.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Xarxa de contenidors en equipaments municipals",
                            "es": "Red de contenedores en equipamientos municipales",
                            "en": "Collection bins in municipal facilities",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.1", "1.2"],
                    },
                    {
                        "title": {
                            "ca": "Planta de classificació compartida",
                            "es": "Planta de clasificación compartida",
                            "en": "Shared sorting plant",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 50,
                        "goals": ["1.2", "3.2"],
                    },
                    {
                        "title": {
                            "ca": "Adaptació a la responsabilitat ampliada del productor",
                            "es": "Adaptación a la responsabilidad ampliada del productor",
                            "en": "Preparing for extended producer responsibility",
                        },
                        "start": 2026,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Reparació i redisseny",
                    "es": "Reparación y rediseño",
                    "en": "Repair and redesign",
                },
                "description": {
                    "ca": "Donar una segona vida a la roba amb tallers de reparació i col·leccions de roba redissenyada.",
                    "es": "Dar una segunda vida a la ropa con talleres de reparación y colecciones de ropa rediseñada.",
                    "en": "Give clothes a second life through repair workshops and redesigned collections.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Tallers oberts de reparació als casals de barri",
                            "es": "Talleres abiertos de reparación en los casales de barrio",
                            "en": "Open repair workshops in neighbourhood community centres",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.3", "4.2"],
                    },
                    {
                        "title": {
                            "ca": "Col·lecció anual de roba redissenyada",
                            "es": "Colección anual de ropa rediseñada",
                            "en": "Annual redesigned clothing collection",
                        },
                        "start": 2025,
                        "end": 2034,
                        "status": "in_progress",
                        "completion": 20,
                        "goals": ["3.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Feina digna al sector",
                    "es": "Trabajo digno en el sector",
                    "en": "Decent work in the sector",
                },
                "description": {
                    "ca": "Millorar les condicions laborals i reduir la segregació de gènere en els oficis del tèxtil.",
                    "es": "Mejorar las condiciones laborales y reducir la segregación de género en los oficios del textil.",
                    "en": "Improve working conditions and reduce gender segregation in textile trades.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Itineraris d'inserció en confecció i classificació",
                            "es": "Itinerarios de inserción en confección y clasificación",
                            "en": "Work-integration pathways in sewing and sorting",
                        },
                        "start": 2025,
                        "end": 2028,
                        "status": "in_progress",
                        "completion": 30,
                        "goals": ["1.2"],
                    },
                    {
                        "title": {
                            "ca": "Certificació de feina digna per a tallers locals",
                            "es": "Certificación de trabajo digno para talleres locales",
                            "en": "Decent-work certification for local workshops",
                        },
                        "start": 2027,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3", "1.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {"ca": "RevESStim", "es": "RevESStim", "en": "RevESStim"},
                "slug": {"ca": "revesstim", "es": "revesstim", "en": "revesstim"},
                "introduction": {
                    "ca": "RevESStim recull roba usada, la classifica i la transforma en peces redissenyades que es venen en botigues de l'ESS. El projecte ha creat més de quaranta llocs de treball d'inserció i cada any reutilitza centenars de tones de tèxtil.",
                    "es": "RevESStim recoge ropa usada, la clasifica y la transforma en prendas rediseñadas que se venden en tiendas de la ESS. El proyecto ha creado más de cuarenta puestos de trabajo de inserción y cada año reutiliza cientos de toneladas de textil.",
                    "en": "RevESStim collects used clothing, sorts it and turns it into redesigned garments that are sold in SSE shops. The project has created more than forty work-integration jobs and reuses hundreds of tonnes of textiles every year.",
                },
                "status": "consolidated",
                "completion": 90,
                "start": "2021-05-01",
                "end": None,
                "districts": ["01", "10"],
                "lines": ["L1", "L8"],
                "goals": ["1.1", "1.2", "3.3"],
                "locations": [
                    (
                        {"ca": "Taller del Raval", "es": "Taller del Raval", "en": "Raval workshop"},
                        41.3795,
                        2.1680,
                    ),
                    (
                        {
                            "ca": "Nau de classificació del Poblenou",
                            "es": "Nave de clasificación del Poblenou",
                            "en": "Poblenou sorting warehouse",
                        },
                        41.4036,
                        2.1905,
                    ),
                ],
                "updates": [
                    (
                        "2024-11-15",
                        {
                            "ca": "Es superen les 500 tones de roba recollida en un any.",
                            "es": "Se superan las 500 toneladas de ropa recogida en un año.",
                            "en": "More than 500 tonnes of clothing collected in a single year.",
                        },
                    ),
                    (
                        "2025-04-24",
                        {
                            "ca": "Presentació de la col·lecció de primavera, feta amb texans i roba de feina reutilitzats.",
                            "es": "Presentación de la colección de primavera, hecha con vaqueros y ropa de trabajo reutilizados.",
                            "en": "Launch of the spring collection, made from reused jeans and workwear.",
                        },
                    ),
                    (
                        "2025-09-30",
                        {
                            "ca": "El projecte obre una segona línia de reparació per a roba de feina.",
                            "es": "El proyecto abre una segunda línea de reparación para ropa de trabajo.",
                            "en": "The project opens a second repair line for workwear.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-04-25",
                "kind": "news",
                "title": {
                    "ca": "RevESStim presenta la col·lecció de primavera",
                    "es": "RevESStim presenta la colección de primavera",
                    "en": "RevESStim launches its spring collection",
                },
                "slug": {
                    "ca": "revesstim-colleccio-primavera",
                    "es": "revesstim-coleccion-primavera",
                    "en": "revesstim-spring-collection",
                },
                "introduction": {
                    "ca": "La col·lecció inclou trenta peces fetes a partir de texans i roba de feina recuperats. Totes s'han cosit als tallers d'inserció del Raval i del Poblenou.",
                    "es": "La colección incluye treinta prendas hechas a partir de vaqueros y ropa de trabajo recuperados. Todas se han cosido en los talleres de inserción del Raval y del Poblenou.",
                    "en": "The collection includes thirty garments made from salvaged jeans and workwear. All of them were sewn in the work-integration workshops in the Raval and Poblenou.",
                },
            },
            {
                "date": "2025-11-12",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de novembre",
                    "es": "Acta de la reunión de noviembre",
                    "en": "Minutes of the November meeting",
                },
                "slug": {
                    "ca": "acta-textil-novembre-2025",
                    "es": "acta-textil-noviembre-2025",
                    "en": "textile-minutes-november-2025",
                },
                "introduction": {
                    "ca": "Es va presentar l'estat de la planta de classificació compartida i el calendari de la responsabilitat ampliada del productor. La taula va acordar preparar una proposta conjunta per als sistemes de gestió de residus tèxtils.",
                    "es": "Se presentó el estado de la planta de clasificación compartida y el calendario de la responsabilidad ampliada del productor. La mesa acordó preparar una propuesta conjunta para los sistemas de gestión de residuos textiles.",
                    "en": "The meeting heard an update on the shared sorting plant and the timetable for extended producer responsibility. The table agreed to prepare a joint proposal for the textile waste management schemes.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ transicio-energetica
    {
        "sector": "transicio-energetica",
        "colour": "#8a4b00",
        "icon": "bolt",
        "title": {
            "ca": "Taula de transició energètica",
            "es": "Mesa de transición energética",
            "en": "Energy transition table",
        },
        "slug": {"ca": "transicio-energetica", "es": "transicion-energetica", "en": "energy-transition"},
        "introduction": {
            "ca": "Hi participen cooperatives de generació i comercialització d'energia renovable, instal·ladores, entitats contra la pobresa energètica i comunitats veïnals. La taula impulsa l'autoconsum compartit, la rehabilitació energètica i el dret a l'energia.",
            "es": "Participan cooperativas de generación y comercialización de energía renovable, instaladoras, entidades contra la pobreza energética y comunidades vecinales. La mesa impulsa el autoconsumo compartido, la rehabilitación energética y el derecho a la energía.",
            "en": "Its members are renewable energy generation and supply cooperatives, installers, organisations fighting energy poverty, and residents' communities. The table promotes shared self-consumption, energy retrofitting and the right to energy.",
        },
        "contacts": [
            (
                "Arnau",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "energia@example.org",
                "+34 930 000 141",
            ),
            (
                "Clara",
                {"ca": "Coordinació tècnica", "es": "Coordinación técnica", "en": "Technical coordination"},
                "energia.coordinacio@example.org",
                "+34 930 000 142",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Autoconsum compartit",
                    "es": "Autoconsumo compartido",
                    "en": "Shared self-consumption",
                },
                "description": {
                    "ca": "Instal·lar plaques solars en cobertes públiques i privades i repartir-ne l'energia entre el veïnat.",
                    "es": "Instalar placas solares en cubiertas públicas y privadas y repartir su energía entre el vecindario.",
                    "en": "Install solar panels on public and private roofs and share the energy among residents.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Inventari de cobertes aptes als districtes",
                            "es": "Inventario de cubiertas aptas en los distritos",
                            "en": "Inventory of suitable roofs in the districts",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["4.2"],
                    },
                    {
                        "title": {
                            "ca": "Deu comunitats energètiques en funcionament",
                            "es": "Diez comunidades energéticas en funcionamiento",
                            "en": "Ten energy communities up and running",
                        },
                        "start": 2025,
                        "end": 2028,
                        "status": "in_progress",
                        "completion": 60,
                        "goals": ["1.1", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Model de gestió cooperativa per a instal·lacions municipals",
                            "es": "Modelo de gestión cooperativa para instalaciones municipales",
                            "en": "Cooperative management model for municipal installations",
                        },
                        "start": 2026,
                        "end": 2029,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Pobresa energètica",
                    "es": "Pobreza energética",
                    "en": "Energy poverty",
                },
                "description": {
                    "ca": "Garantir que les llars vulnerables tinguin accés a energia neta i assequible.",
                    "es": "Garantizar que los hogares vulnerables tengan acceso a energía limpia y asequible.",
                    "en": "Make sure vulnerable households have access to clean, affordable energy.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Assessorament energètic als punts d'informació de barri",
                            "es": "Asesoramiento energético en los puntos de información de barrio",
                            "en": "Energy advice at neighbourhood information points",
                        },
                        "start": 2025,
                        "end": 2030,
                        "status": "in_progress",
                        "completion": 30,
                        "goals": ["4.2", "1.2"],
                    },
                    {
                        "title": {
                            "ca": "Quota solidària a les comunitats energètiques",
                            "es": "Cuota solidaria en las comunidades energéticas",
                            "en": "Solidarity share in energy communities",
                        },
                        "start": 2026,
                        "end": 2027,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.1", "3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Ocupació verda i formació",
                    "es": "Empleo verde y formación",
                    "en": "Green jobs and training",
                },
                "description": {
                    "ca": "Formar instal·ladores i rehabilitadores, amb una atenció especial a les dones i a les persones migrades.",
                    "es": "Formar a instaladoras y rehabilitadoras, con especial atención a las mujeres y a las personas migrantes.",
                    "en": "Train installers and retrofitters, with particular attention to women and migrants.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Curs d'instal·lació fotovoltaica per a dones",
                            "es": "Curso de instalación fotovoltaica para mujeres",
                            "en": "Solar installation course for women",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.2"],
                    },
                    {
                        "title": {
                            "ca": "Escola de rehabilitació energètica al Hub",
                            "es": "Escuela de rehabilitación energética en el Hub",
                            "en": "Energy retrofit school at the Hub",
                        },
                        "start": 2027,
                        "end": 2031,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.2", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Borsa de treball pròpia del sector",
                            "es": "Bolsa de trabajo propia del sector",
                            "en": "Sector-specific job board",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "cancelled",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {
                    "ca": "Comunitats Energètiques Locals",
                    "es": "Comunidades Energéticas Locales",
                    "en": "Local Energy Communities",
                },
                "slug": {
                    "ca": "comunitats-energetiques-locals",
                    "es": "comunidades-energeticas-locales",
                    "en": "local-energy-communities",
                },
                "introduction": {
                    "ca": "Veïnat, comerços i entitats s'organitzen en comunitats energètiques per produir i compartir energia solar a escala de barri. Les cooperatives de la taula en fan el disseny tècnic, la instal·lació i l'acompanyament a la gestió.",
                    "es": "Vecindario, comercios y entidades se organizan en comunidades energéticas para producir y compartir energía solar a escala de barrio. Las cooperativas de la mesa se encargan del diseño técnico, la instalación y el acompañamiento a la gestión.",
                    "en": "Residents, shops and organisations form energy communities to produce and share solar power at neighbourhood level. Cooperatives from the table handle the technical design, the installation and support with running them.",
                },
                "status": "running",
                "completion": 55,
                "start": "2023-10-01",
                "end": "2028-12-31",
                "districts": ["06", "07"],
                "lines": ["L1", "L8"],
                "goals": ["1.1", "4.2", "4.3"],
                "locations": [
                    (
                        {
                            "ca": "Cobertes de la Vila de Gràcia",
                            "es": "Cubiertas de la Vila de Gràcia",
                            "en": "Rooftops in Vila de Gràcia",
                        },
                        41.4015,
                        2.1585,
                    ),
                    (
                        {
                            "ca": "Escola del Baix Guinardó",
                            "es": "Escuela del Baix Guinardó",
                            "en": "Baix Guinardó school",
                        },
                        41.4110,
                        2.1700,
                    ),
                ],
                "updates": [
                    (
                        "2024-06-18",
                        {
                            "ca": "La primera comunitat, a Gràcia, comença a repartir energia entre 60 llars.",
                            "es": "La primera comunidad, en Gràcia, empieza a repartir energía entre 60 hogares.",
                            "en": "The first community, in Gràcia, starts sharing energy among 60 households.",
                        },
                    ),
                    (
                        "2025-03-27",
                        {
                            "ca": "S'hi afegeixen tres comunitats noves a Horta-Guinardó, amb cobertes d'escoles i casals.",
                            "es": "Se suman tres comunidades nuevas en Horta-Guinardó, con cubiertas de escuelas y casales.",
                            "en": "Three new communities join in Horta-Guinardó, using the roofs of schools and community centres.",
                        },
                    ),
                    (
                        "2025-10-08",
                        {
                            "ca": "Ja són sis comunitats i més de 400 llars participants.",
                            "es": "Ya son seis comunidades y más de 400 hogares participantes.",
                            "en": "There are now six communities and more than 400 participating households.",
                        },
                    ),
                ],
            },
            {
                "title": {
                    "ca": "Hub de Transició Energètica",
                    "es": "Hub de Transición Energética",
                    "en": "Energy Transition Hub",
                },
                "slug": {
                    "ca": "hub-transicio-energetica",
                    "es": "hub-transicion-energetica",
                    "en": "energy-transition-hub",
                },
                "introduction": {
                    "ca": "El Hub vol ser un espai de referència on cooperatives energètiques, instal·ladores i centres de formació comparteixin oficines, magatzem i aules. També hi haurà un punt d'atenció a la ciutadania sobre estalvi, autoconsum i drets energètics.",
                    "es": "El Hub quiere ser un espacio de referencia donde cooperativas energéticas, instaladoras y centros de formación compartan oficinas, almacén y aulas. También habrá un punto de atención a la ciudadanía sobre ahorro, autoconsumo y derechos energéticos.",
                    "en": "The Hub is meant to become a landmark space where energy cooperatives, installers and training centres share offices, storage and classrooms. It will also have a public advice desk on energy saving, self-consumption and energy rights.",
                },
                "status": "idea",
                "completion": 5,
                "start": "2025-05-14",
                "end": None,
                "districts": ["10"],
                "lines": ["L7", "L8"],
                "goals": ["1.2", "3.2", "4.3"],
                "locations": [
                    (
                        {
                            "ca": "Nau proposada al Besòs i el Maresme",
                            "es": "Nave propuesta en el Besòs i el Maresme",
                            "en": "Proposed warehouse in Besòs i el Maresme",
                        },
                        41.4125,
                        2.2120,
                    ),
                ],
                "updates": [
                    (
                        "2025-05-14",
                        {
                            "ca": "La taula aprova estudiar la creació d'un hub compartit i en constitueix el grup de treball.",
                            "es": "La mesa aprueba estudiar la creación de un hub compartido y constituye su grupo de trabajo.",
                            "en": "The table agrees to study setting up a shared hub and forms a working group for it.",
                        },
                    ),
                    (
                        "2025-10-29",
                        {
                            "ca": "El grup de treball visita tres naus possibles al Besòs i el Maresme.",
                            "es": "El grupo de trabajo visita tres naves posibles en el Besòs i el Maresme.",
                            "en": "The working group visits three possible warehouses in Besòs i el Maresme.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-10-09",
                "kind": "news",
                "title": {
                    "ca": "Sis comunitats energètiques ja funcionen a Gràcia i Horta-Guinardó",
                    "es": "Seis comunidades energéticas ya funcionan en Gràcia y Horta-Guinardó",
                    "en": "Six energy communities now running in Gràcia and Horta-Guinardó",
                },
                "slug": {
                    "ca": "sis-comunitats-energetiques",
                    "es": "seis-comunidades-energeticas",
                    "en": "six-energy-communities",
                },
                "introduction": {
                    "ca": "Les comunitats sumen més de 400 llars i una potència instal·lada de 650 kW. La taula vol arribar a deu comunitats el 2028.",
                    "es": "Las comunidades suman más de 400 hogares y una potencia instalada de 650 kW. La mesa quiere llegar a diez comunidades en 2028.",
                    "en": "Together the communities include more than 400 households and 650 kW of installed capacity. The table aims to reach ten communities by 2028.",
                },
            },
            {
                "date": "2025-05-15",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de maig",
                    "es": "Acta de la reunión de mayo",
                    "en": "Minutes of the May meeting",
                },
                "slug": {
                    "ca": "acta-energia-maig-2025",
                    "es": "acta-energia-mayo-2025",
                    "en": "energy-minutes-may-2025",
                },
                "introduction": {
                    "ca": "La taula va aprovar estudiar la creació del Hub de Transició Energètica i en va constituir el grup de treball. També es va decidir no crear una borsa de treball pròpia i sumar-se a la del conjunt de l'ESS.",
                    "es": "La mesa aprobó estudiar la creación del Hub de Transición Energética y constituyó su grupo de trabajo. También se decidió no crear una bolsa de trabajo propia y sumarse a la del conjunto de la ESS.",
                    "en": "The table agreed to study setting up the Energy Transition Hub and formed its working group. It also decided not to create its own job board and to join the one shared by the whole SSE.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ mobilitat
    {
        "sector": "mobilitat",
        "colour": "#00695c",
        "icon": "bicycle",
        "title": {"ca": "Taula de mobilitat", "es": "Mesa de movilidad", "en": "Mobility table"},
        "slug": {"ca": "mobilitat", "es": "movilidad", "en": "mobility"},
        "introduction": {
            "ca": "La taula aplega cooperatives de missatgeria en bicicleta, tallers de reparació, entitats de foment de la bici i projectes de vehicle compartit. Treballa per una mobilitat sostenible, segura i assequible, i per una logística de proximitat sense emissions.",
            "es": "La mesa agrupa cooperativas de mensajería en bicicleta, talleres de reparación, entidades de fomento de la bici y proyectos de vehículo compartido. Trabaja por una movilidad sostenible, segura y asequible, y por una logística de proximidad sin emisiones.",
            "en": "The table brings together bicycle courier cooperatives, repair workshops, cycling advocacy groups and shared-vehicle projects. It works for sustainable, safe and affordable mobility and for zero-emission local logistics.",
        },
        "contacts": [
            (
                "Jordi",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "mobilitat@example.org",
                "+34 930 000 151",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Logística urbana en bicicleta",
                    "es": "Logística urbana en bicicleta",
                    "en": "Urban logistics by bike",
                },
                "description": {
                    "ca": "Fer créixer el repartiment de mercaderies en bicicleta de càrrega des de l'ESS.",
                    "es": "Hacer crecer el reparto de mercancías en bicicleta de carga desde la ESS.",
                    "en": "Grow cargo-bike goods delivery run by the SSE.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Microplataformes de distribució als barris",
                            "es": "Microplataformas de distribución en los barrios",
                            "en": "Neighbourhood delivery micro-hubs",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 45,
                        "goals": ["1.1", "4.3"],
                    },
                    {
                        "title": {
                            "ca": "Acord de repartiment amb el comerç de proximitat",
                            "es": "Acuerdo de reparto con el comercio de proximidad",
                            "en": "Delivery agreement with local shops",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2", "1.3"],
                    },
                    {
                        "title": {
                            "ca": "Flota compartida de bicicletes de càrrega elèctriques",
                            "es": "Flota compartida de bicicletas de carga eléctricas",
                            "en": "Shared fleet of electric cargo bikes",
                        },
                        "start": 2026,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Cultura de la bicicleta",
                    "es": "Cultura de la bicicleta",
                    "en": "Cycling culture",
                },
                "description": {
                    "ca": "Apropar la bicicleta a col·lectius que avui la fan servir poc, com les dones grans i les persones migrades.",
                    "es": "Acercar la bicicleta a colectivos que hoy la usan poco, como las mujeres mayores y las personas migrantes.",
                    "en": "Bring cycling to groups that rarely use it today, such as older women and migrants.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Escoles de bici per a persones adultes",
                            "es": "Escuelas de bici para personas adultas",
                            "en": "Cycling schools for adults",
                        },
                        "start": 2025,
                        "end": 2029,
                        "status": "in_progress",
                        "completion": 35,
                        "goals": ["4.2"],
                    },
                    {
                        "title": {
                            "ca": "Tallers d'autoreparació als districtes",
                            "es": "Talleres de autorreparación en los distritos",
                            "en": "Self-repair workshops in the districts",
                        },
                        "start": 2026,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["4.2", "3.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Vehicle compartit i cooperatiu",
                    "es": "Vehículo compartido y cooperativo",
                    "en": "Shared and cooperative vehicles",
                },
                "description": {
                    "ca": "Oferir alternatives cooperatives al cotxe privat per a famílies i entitats.",
                    "es": "Ofrecer alternativas cooperativas al coche privado para familias y entidades.",
                    "en": "Offer cooperative alternatives to the private car for families and organisations.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Estudi de demanda de cotxe compartit cooperatiu",
                            "es": "Estudio de demanda de coche compartido cooperativo",
                            "en": "Demand study for cooperative car sharing",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.1"],
                    },
                    {
                        "title": {
                            "ca": "Punts de vehicle compartit en habitatges cooperatius",
                            "es": "Puntos de vehículo compartido en viviendas cooperativas",
                            "en": "Shared-vehicle points at cooperative housing",
                        },
                        "start": 2027,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.2", "4.2"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {"ca": "BiciHub", "es": "BiciHub", "en": "BiciHub"},
                "slug": {"ca": "bicihub", "es": "bicihub", "en": "bicihub"},
                "introduction": {
                    "ca": "BiciHub és un centre de serveis de la bicicleta gestionat per cooperatives: taller, aparcament segur, lloguer de bicicletes de càrrega i base de repartiment. Té dues seus, a l'Eixample i al Poblenou, i forma persones en risc d'exclusió en l'ofici de mecànica.",
                    "es": "BiciHub es un centro de servicios de la bicicleta gestionado por cooperativas: taller, aparcamiento seguro, alquiler de bicicletas de carga y base de reparto. Tiene dos sedes, en el Eixample y en el Poblenou, y forma a personas en riesgo de exclusión en el oficio de mecánica.",
                    "en": "BiciHub is a cycling service centre run by cooperatives: a repair workshop, secure parking, cargo-bike hire and a delivery base. It has two sites, in the Eixample and Poblenou, and trains people at risk of exclusion as bike mechanics.",
                },
                "status": "consolidated",
                "completion": 95,
                "start": "2022-02-01",
                "end": None,
                "districts": ["02", "10"],
                "lines": ["L1", "L8"],
                "goals": ["1.2", "3.2", "4.3"],
                "locations": [
                    (
                        {
                            "ca": "BiciHub Sant Antoni",
                            "es": "BiciHub Sant Antoni",
                            "en": "BiciHub Sant Antoni",
                        },
                        41.3790,
                        2.1610,
                    ),
                    (
                        {"ca": "BiciHub Poblenou", "es": "BiciHub Poblenou", "en": "BiciHub Poblenou"},
                        41.3995,
                        2.2000,
                    ),
                ],
                "updates": [
                    (
                        "2024-09-20",
                        {
                            "ca": "BiciHub obre la segona seu al Poblenou, amb aparcament per a 150 bicicletes.",
                            "es": "BiciHub abre su segunda sede en el Poblenou, con aparcamiento para 150 bicicletas.",
                            "en": "BiciHub opens its second site in Poblenou, with parking for 150 bikes.",
                        },
                    ),
                    (
                        "2025-03-05",
                        {
                            "ca": "Es gradua la quarta promoció del curs de mecànica, amb dotze persones contractades.",
                            "es": "Se gradúa la cuarta promoción del curso de mecánica, con doce personas contratadas.",
                            "en": "The fourth cohort of the mechanics course graduates, and twelve of them are hired.",
                        },
                    ),
                    (
                        "2025-09-22",
                        {
                            "ca": "Durant la Setmana Europea de la Mobilitat, el taller obert atén més de 300 bicicletes.",
                            "es": "Durante la Semana Europea de la Movilidad, el taller abierto atiende más de 300 bicicletas.",
                            "en": "During European Mobility Week, the open workshop fixes more than 300 bikes.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-09-26",
                "kind": "news",
                "title": {
                    "ca": "Rècord de reparacions al taller obert de BiciHub",
                    "es": "Récord de reparaciones en el taller abierto de BiciHub",
                    "en": "Record number of repairs at BiciHub's open workshop",
                },
                "slug": {
                    "ca": "bicihub-taller-obert",
                    "es": "bicihub-taller-abierto",
                    "en": "bicihub-open-workshop",
                },
                "introduction": {
                    "ca": "Durant la Setmana Europea de la Mobilitat, l'equip de BiciHub i persones voluntàries van reparar més de 300 bicicletes. Moltes eren de veïnes que tornaven a pedalar després d'anys.",
                    "es": "Durante la Semana Europea de la Movilidad, el equipo de BiciHub y personas voluntarias repararon más de 300 bicicletas. Muchas eran de vecinas que volvían a pedalear después de años.",
                    "en": "During European Mobility Week, the BiciHub team and volunteers repaired more than 300 bikes. Many belonged to local women getting back in the saddle after years.",
                },
            },
            {
                "date": "2025-03-20",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de març",
                    "es": "Acta de la reunión de marzo",
                    "en": "Minutes of the March meeting",
                },
                "slug": {
                    "ca": "acta-mobilitat-marc-2025",
                    "es": "acta-movilidad-marzo-2025",
                    "en": "mobility-minutes-march-2025",
                },
                "introduction": {
                    "ca": "La taula va revisar les microplataformes de distribució previstes i va acordar prioritzar Sant Martí i Sants-Montjuïc. També es va encarregar l'estudi de demanda de cotxe compartit cooperatiu.",
                    "es": "La mesa revisó las microplataformas de distribución previstas y acordó priorizar Sant Martí y Sants-Montjuïc. También se encargó el estudio de demanda de coche compartido cooperativo.",
                    "en": "The table reviewed the planned delivery micro-hubs and agreed to give priority to Sant Martí and Sants-Montjuïc. It also commissioned the demand study for cooperative car sharing.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ cures
    {
        "sector": "cures",
        "colour": "#ad1457",
        "icon": "heart",
        "title": {"ca": "Taula de cures", "es": "Mesa de cuidados", "en": "Care table"},
        "slug": {"ca": "cures", "es": "cuidados", "en": "care"},
        "introduction": {
            "ca": "La taula reuneix cooperatives de treball de cures, associacions de treballadores de la llar, entitats d'atenció a la gent gran i a la infància i projectes de criança compartida. Treballa per dignificar les feines de cures, fer-les visibles i repartir-les de manera més justa.",
            "es": "La mesa reúne cooperativas de trabajo de cuidados, asociaciones de trabajadoras del hogar, entidades de atención a las personas mayores y a la infancia y proyectos de crianza compartida. Trabaja para dignificar los trabajos de cuidados, hacerlos visibles y repartirlos de forma más justa.",
            "en": "The table brings together care worker cooperatives, domestic workers' associations, organisations caring for older people and children, and shared childcare projects. It works to dignify care work, make it visible and share it out more fairly.",
        },
        "contacts": [
            (
                "Mireia",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "cures@example.org",
                "+34 930 000 161",
            ),
            (
                "Fàtima",
                {
                    "ca": "Grup de treballadores de la llar",
                    "es": "Grupo de trabajadoras del hogar",
                    "en": "Domestic workers' group",
                },
                "cures.llar@example.org",
                "+34 930 000 162",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Cooperatives de cures",
                    "es": "Cooperativas de cuidados",
                    "en": "Care cooperatives",
                },
                "description": {
                    "ca": "Ajudar les treballadores de la llar i de cures a organitzar-se en cooperatives amb condicions dignes.",
                    "es": "Ayudar a las trabajadoras del hogar y de cuidados a organizarse en cooperativas con condiciones dignas.",
                    "en": "Help domestic and care workers organise into cooperatives with decent conditions.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Itinerari d'acompanyament a noves cooperatives de cures",
                            "es": "Itinerario de acompañamiento a nuevas cooperativas de cuidados",
                            "en": "Support pathway for new care cooperatives",
                        },
                        "start": 2025,
                        "end": 2028,
                        "status": "in_progress",
                        "completion": 40,
                        "goals": ["1.2", "3.2"],
                    },
                    {
                        "title": {
                            "ca": "Assessorament en regularització i drets laborals",
                            "es": "Asesoramiento en regularización y derechos laborales",
                            "en": "Advice on residence status and labour rights",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.2"],
                    },
                    {
                        "title": {
                            "ca": "Amadrinament entre cooperatives consolidades i noves",
                            "es": "Amadrinamiento entre cooperativas consolidadas y nuevas",
                            "en": "Mentoring between established and new cooperatives",
                        },
                        "start": 2026,
                        "end": 2029,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Cures comunitàries als barris",
                    "es": "Cuidados comunitarios en los barrios",
                    "en": "Community care in the neighbourhoods",
                },
                "description": {
                    "ca": "Crear xarxes de suport mutu per a la gent gran, la infància i les persones cuidadores.",
                    "es": "Crear redes de apoyo mutuo para las personas mayores, la infancia y las personas cuidadoras.",
                    "en": "Build mutual support networks for older people, children and carers.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Xarxes veïnals de suport a la gent gran que viu sola",
                            "es": "Redes vecinales de apoyo a las personas mayores que viven solas",
                            "en": "Neighbourhood networks supporting older people who live alone",
                        },
                        "start": 2025,
                        "end": 2030,
                        "status": "in_progress",
                        "completion": 25,
                        "goals": ["4.2"],
                    },
                    {
                        "title": {
                            "ca": "Espais de criança compartida en equipaments municipals",
                            "es": "Espacios de crianza compartida en equipamientos municipales",
                            "en": "Shared childcare spaces in municipal facilities",
                        },
                        "start": 2027,
                        "end": 2031,
                        "status": "planned",
                        "completion": None,
                        "goals": ["4.2", "4.3"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Desfeminització del sector",
                    "es": "Desfeminización del sector",
                    "en": "Tackling gender segregation in care",
                },
                "description": {
                    "ca": "Reduir la segregació horitzontal i aconseguir que els homes assumeixin més feines de cures.",
                    "es": "Reducir la segregación horizontal y lograr que los hombres asuman más trabajos de cuidados.",
                    "en": "Reduce horizontal segregation and get men to take on more care work.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Campanya «Les cures també són cosa d'homes»",
                            "es": "Campaña «Los cuidados también son cosa de hombres»",
                            "en": "“Care is men's business too” campaign",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.3"],
                    },
                    {
                        "title": {
                            "ca": "Indicadors de gènere compartits amb totes les taules",
                            "es": "Indicadores de género compartidos con todas las mesas",
                            "en": "Gender indicators shared with every table",
                        },
                        "start": 2026,
                        "end": 2027,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3", "3.2"],
                    },
                ],
            },
        ],
        "projects": [],
        "news": [
            {
                "date": "2025-11-19",
                "kind": "news",
                "title": {
                    "ca": "Neixen tres cooperatives de treballadores de la llar",
                    "es": "Nacen tres cooperativas de trabajadoras del hogar",
                    "en": "Three new domestic workers' cooperatives",
                },
                "slug": {
                    "ca": "noves-cooperatives-cures",
                    "es": "nuevas-cooperativas-cuidados",
                    "en": "new-care-cooperatives",
                },
                "introduction": {
                    "ca": "Les cooperatives, impulsades per dones migrades de Ciutat Vella, Nou Barris i Sant Martí, han completat l'itinerari d'acompanyament de la taula. Ofereixen atenció a domicili a persones grans i suport a famílies.",
                    "es": "Las cooperativas, impulsadas por mujeres migrantes de Ciutat Vella, Nou Barris y Sant Martí, han completado el itinerario de acompañamiento de la mesa. Ofrecen atención a domicilio a personas mayores y apoyo a familias.",
                    "en": "The cooperatives, set up by migrant women from Ciutat Vella, Nou Barris and Sant Martí, have completed the table's support pathway. They offer home care for older people and support for families.",
                },
            },
            {
                "date": "2025-09-11",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió de setembre",
                    "es": "Acta de la reunión de septiembre",
                    "en": "Minutes of the September meeting",
                },
                "slug": {
                    "ca": "acta-cures-setembre-2025",
                    "es": "acta-cuidados-septiembre-2025",
                    "en": "care-minutes-september-2025",
                },
                "introduction": {
                    "ca": "La taula va fer balanç de la resposta a l'onada de calor de l'estiu i de les xarxes veïnals de suport a la gent gran. Es va acordar proposar indicadors de gènere comuns a la taula coordinada.",
                    "es": "La mesa hizo balance de la respuesta a la ola de calor del verano y de las redes vecinales de apoyo a las personas mayores. Se acordó proponer indicadores de género comunes a la mesa coordinada.",
                    "en": "The table reviewed the response to the summer heatwave and the neighbourhood networks supporting older people. It agreed to propose common gender indicators to the coordinated table.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ finances-etiques
    {
        "sector": "finances-etiques",
        "colour": "#37474f",
        "icon": "coins",
        "title": {
            "ca": "Taula de finances ètiques",
            "es": "Mesa de finanzas éticas",
            "en": "Ethical finance table",
        },
        "slug": {"ca": "finances-etiques", "es": "finanzas-eticas", "en": "ethical-finance"},
        "introduction": {
            "ca": "Hi participen cooperatives de crèdit, bancs ètics, asseguradores de l'ESS, plataformes de micromecenatge i monedes socials. La taula crea eines financeres pròpies per a l'ESS i busca acords amb el sector articulat per enfortir-les.",
            "es": "Participan cooperativas de crédito, bancos éticos, aseguradoras de la ESS, plataformas de micromecenazgo y monedas sociales. La mesa crea herramientas financieras propias para la ESS y busca acuerdos con el sector articulado para fortalecerlas.",
            "en": "Its members are credit cooperatives, ethical banks, SSE insurers, crowdfunding platforms and social currencies. The table creates the SSE's own financial tools and seeks agreements with the organised sector to strengthen them.",
        },
        "contacts": [
            (
                "Sergi",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "finances@example.org",
                "+34 930 000 171",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Eines financeres pròpies",
                    "es": "Herramientas financieras propias",
                    "en": "The SSE's own financial tools",
                },
                "description": {
                    "ca": "Oferir finançament adaptat a les necessitats de les entitats i dels projectes tractors.",
                    "es": "Ofrecer financiación adaptada a las necesidades de las entidades y de los proyectos tractores.",
                    "en": "Offer financing suited to the needs of member organisations and flagship projects.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Fons de garantia per a projectes tractors",
                            "es": "Fondo de garantía para proyectos tractores",
                            "en": "Guarantee fund for flagship projects",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 30,
                        "goals": ["1.1", "3.2"],
                    },
                    {
                        "title": {
                            "ca": "Bestreta de subvencions i contractes públics",
                            "es": "Anticipo de subvenciones y contratos públicos",
                            "en": "Advances on grants and public contracts",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Títols participatius per a cooperatives d'habitatge",
                            "es": "Títulos participativos para cooperativas de vivienda",
                            "en": "Participation bonds for housing cooperatives",
                        },
                        "start": 2026,
                        "end": 2029,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.1"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Aliances amb el sector",
                    "es": "Alianzas con el sector",
                    "en": "Alliances with the sector",
                },
                "description": {
                    "ca": "Formalitzar acords de col·laboració amb l'ESS articulada (AESCAT) i amb les altres taules.",
                    "es": "Formalizar acuerdos de colaboración con la ESS articulada (AESCAT) y con las demás mesas.",
                    "en": "Formalise collaboration agreements with the organised SSE (AESCAT) and with the other tables.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Conveni marc amb AESCAT",
                            "es": "Convenio marco con AESCAT",
                            "en": "Framework agreement with AESCAT",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                    {
                        "title": {
                            "ca": "Oficina d'assessorament financer per a entitats",
                            "es": "Oficina de asesoramiento financiero para entidades",
                            "en": "Financial advice desk for organisations",
                        },
                        "start": 2026,
                        "end": 2034,
                        "status": "planned",
                        "completion": None,
                        "goals": ["1.3", "3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Educació financera crítica",
                    "es": "Educación financiera crítica",
                    "en": "Critical financial education",
                },
                "description": {
                    "ca": "Explicar a la ciutadania i a les entitats on van els seus estalvis i quines alternatives tenen.",
                    "es": "Explicar a la ciudadanía y a las entidades adónde van sus ahorros y qué alternativas tienen.",
                    "en": "Explain to the public and to organisations where their savings go and what the alternatives are.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Cicle de xerrades «On són els meus diners?»",
                            "es": "Ciclo de charlas «¿Dónde está mi dinero?»",
                            "en": "“Where is my money?” talk series",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 50,
                        "goals": ["3.3"],
                    },
                    {
                        "title": {
                            "ca": "Materials didàctics per a instituts",
                            "es": "Materiales didácticos para institutos",
                            "en": "Teaching materials for secondary schools",
                        },
                        "start": 2027,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.3", "1.3"],
                    },
                ],
            },
        ],
        "projects": [],
        "news": [
            {
                "date": "2025-06-26",
                "kind": "news",
                "title": {
                    "ca": "Signat el conveni marc entre la taula de finances ètiques i AESCAT",
                    "es": "Firmado el convenio marco entre la mesa de finanzas éticas y AESCAT",
                    "en": "Framework agreement signed between the ethical finance table and AESCAT",
                },
                "slug": {
                    "ca": "conveni-finances-aescat",
                    "es": "convenio-finanzas-aescat",
                    "en": "ethical-finance-aescat-agreement",
                },
                "introduction": {
                    "ca": "El conveni preveu un fons de garantia compartit i un servei de bestreta de subvencions per a les entitats de l'ESS. Les primeres operacions s'obriran a la tardor.",
                    "es": "El convenio prevé un fondo de garantía compartido y un servicio de anticipo de subvenciones para las entidades de la ESS. Las primeras operaciones se abrirán en otoño.",
                    "en": "The agreement provides for a shared guarantee fund and a grant advance service for SSE organisations. The first operations will open in the autumn.",
                },
            },
            {
                "date": "2025-10-23",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió d'octubre",
                    "es": "Acta de la reunión de octubre",
                    "en": "Minutes of the October meeting",
                },
                "slug": {
                    "ca": "acta-finances-octubre-2025",
                    "es": "acta-finanzas-octubre-2025",
                    "en": "ethical-finance-minutes-october-2025",
                },
                "introduction": {
                    "ca": "Es van presentar les primeres operacions del fons de garantia, vinculades a BiciHub i a l'espai comercial de consum conscient. La taula va començar a dissenyar l'oficina d'assessorament financer.",
                    "es": "Se presentaron las primeras operaciones del fondo de garantía, vinculadas a BiciHub y al espacio comercial de consumo consciente. La mesa empezó a diseñar la oficina de asesoramiento financiero.",
                    "en": "The first guarantee fund operations, linked to BiciHub and the conscious consumption shop, were presented. The table began designing the financial advice desk.",
                },
            },
        ],
    },
    # ------------------------------------------------------------------ cultura
    {
        "sector": "cultura",
        "colour": "#6a1b9a",
        "icon": "palette",
        "title": {"ca": "Taula de cultura", "es": "Mesa de cultura", "en": "Culture table"},
        "slug": {"ca": "cultura", "es": "cultura", "en": "culture"},
        "introduction": {
            "ca": "La taula aplega cooperatives culturals, ateneus, sales de concerts i teatres de gestió comunitària, editorials i productores de l'ESS. Treballa per unes condicions laborals dignes en la cultura i per un accés més just als equipaments i als circuits culturals.",
            "es": "La mesa agrupa cooperativas culturales, ateneos, salas de conciertos y teatros de gestión comunitaria, editoriales y productoras de la ESS. Trabaja por unas condiciones laborales dignas en la cultura y por un acceso más justo a los equipamientos y a los circuitos culturales.",
            "en": "The table brings together cultural cooperatives, ateneus (community cultural centres), community-run music venues and theatres, publishers and SSE production companies. It works for decent working conditions in culture and fairer access to cultural venues and circuits.",
        },
        "contacts": [
            (
                "Júlia",
                {"ca": "Equip de dinamització", "es": "Equipo de dinamización", "en": "Facilitation team"},
                "cultura@example.org",
                "+34 930 000 181",
            ),
        ],
        "plan": [
            {
                "title": {
                    "ca": "Treball digne en la cultura",
                    "es": "Trabajo digno en la cultura",
                    "en": "Decent work in culture",
                },
                "description": {
                    "ca": "Reduir la precarietat de les persones treballadores de la cultura a través de l'organització cooperativa.",
                    "es": "Reducir la precariedad de las personas trabajadoras de la cultura a través de la organización cooperativa.",
                    "en": "Reduce precarity among culture workers through cooperative organisation.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Guia de tarifes dignes per a activitats culturals",
                            "es": "Guía de tarifas dignas para actividades culturales",
                            "en": "Fair-fee guide for cultural activities",
                        },
                        "start": 2025,
                        "end": 2025,
                        "status": "done",
                        "completion": None,
                        "goals": ["1.2", "1.3"],
                    },
                    {
                        "title": {
                            "ca": "Cooperativa de serveis compartits per a artistes",
                            "es": "Cooperativa de servicios compartidos para artistas",
                            "en": "Shared-services cooperative for artists",
                        },
                        "start": 2025,
                        "end": 2027,
                        "status": "in_progress",
                        "completion": 20,
                        "goals": ["1.2", "3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Equipaments de gestió comunitària",
                    "es": "Equipamientos de gestión comunitaria",
                    "en": "Community-run venues",
                },
                "description": {
                    "ca": "Consolidar i ampliar els equipaments culturals gestionats per entitats dels barris.",
                    "es": "Consolidar y ampliar los equipamientos culturales gestionados por entidades de los barrios.",
                    "en": "Consolidate and expand cultural venues run by neighbourhood organisations.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Xarxa d'ateneus i espais comunitaris",
                            "es": "Red de ateneos y espacios comunitarios",
                            "en": "Network of ateneus and community spaces",
                        },
                        "start": 2025,
                        "end": 2026,
                        "status": "done",
                        "completion": None,
                        "goals": ["4.2"],
                    },
                    {
                        "title": {
                            "ca": "Programació compartida entre districtes",
                            "es": "Programación compartida entre distritos",
                            "en": "Programming shared across districts",
                        },
                        "start": 2026,
                        "end": 2028,
                        "status": "planned",
                        "completion": None,
                        "goals": ["4.2", "3.3"],
                    },
                    {
                        "title": {
                            "ca": "Fons comú per a l'adequació d'espais",
                            "es": "Fondo común para la adecuación de espacios",
                            "en": "Joint fund for fitting out venues",
                        },
                        "start": 2026,
                        "end": 2027,
                        "status": "cancelled",
                        "completion": None,
                        "goals": ["3.2"],
                    },
                ],
            },
            {
                "title": {
                    "ca": "Públics i consum cultural conscient",
                    "es": "Públicos y consumo cultural consciente",
                    "en": "Audiences and conscious cultural consumption",
                },
                "description": {
                    "ca": "Donar a conèixer l'oferta cultural de l'ESS i fer-la arribar a nous públics.",
                    "es": "Dar a conocer la oferta cultural de la ESS y hacerla llegar a nuevos públicos.",
                    "en": "Make the SSE's cultural offer known and bring it to new audiences.",
                },
                "actions": [
                    {
                        "title": {
                            "ca": "Agenda cultural de l'ESS en línia",
                            "es": "Agenda cultural de la ESS en línea",
                            "en": "Online SSE culture listings",
                        },
                        "start": 2025,
                        "end": 2029,
                        "status": "in_progress",
                        "completion": 60,
                        "goals": ["3.3"],
                    },
                    {
                        "title": {
                            "ca": "Abonament cultural solidari",
                            "es": "Abono cultural solidario",
                            "en": "Solidarity culture pass",
                        },
                        "start": 2027,
                        "end": 2030,
                        "status": "planned",
                        "completion": None,
                        "goals": ["3.3", "1.1"],
                    },
                ],
            },
        ],
        "projects": [
            {
                "title": {
                    "ca": "Cultura Cooperativa",
                    "es": "Cultura Cooperativa",
                    "en": "Cooperative Culture",
                },
                "slug": {
                    "ca": "cultura-cooperativa",
                    "es": "cultura-cooperativa",
                    "en": "cooperative-culture",
                },
                "introduction": {
                    "ca": "Cultura Cooperativa ofereix formació, assessorament i espais compartits perquè col·lectius artístics i culturals es constitueixin com a cooperatives. També vol crear un segell que identifiqui les produccions fetes amb criteris de l'ESS.",
                    "es": "Cultura Cooperativa ofrece formación, asesoramiento y espacios compartidos para que colectivos artísticos y culturales se constituyan como cooperativas. También quiere crear un sello que identifique las producciones hechas con criterios de la ESS.",
                    "en": "Cooperative Culture offers training, advice and shared spaces so that artistic and cultural collectives can set up as cooperatives. It also aims to create a label identifying productions made to SSE principles.",
                },
                "status": "paused",
                "completion": 30,
                "start": "2024-01-15",
                "end": "2027-06-30",
                "districts": ["01", "03"],
                "lines": ["L1", "L7"],
                "goals": ["1.2", "1.3", "3.2"],
                "locations": [
                    (
                        {
                            "ca": "Ateneu del Poble-sec",
                            "es": "Ateneo del Poble-sec",
                            "en": "Poble-sec ateneu",
                        },
                        41.3740,
                        2.1625,
                    ),
                    (
                        {
                            "ca": "Espai de creació del Raval",
                            "es": "Espacio de creación del Raval",
                            "en": "Raval creative space",
                        },
                        41.3810,
                        2.1665,
                    ),
                ],
                "updates": [
                    (
                        "2024-05-30",
                        {
                            "ca": "Primera edició del curs «Com muntar una cooperativa cultural», amb 25 col·lectius.",
                            "es": "Primera edición del curso «Cómo montar una cooperativa cultural», con 25 colectivos.",
                            "en": "First run of the course “How to set up a cultural cooperative”, with 25 collectives.",
                        },
                    ),
                    (
                        "2025-02-18",
                        {
                            "ca": "Es presenta l'esborrany del segell de producció cultural cooperativa.",
                            "es": "Se presenta el borrador del sello de producción cultural cooperativa.",
                            "en": "The draft label for cooperative cultural production is presented.",
                        },
                    ),
                    (
                        "2025-07-01",
                        {
                            "ca": "El projecte s'atura temporalment mentre es busca un nou espai i finançament per al 2026.",
                            "es": "El proyecto se detiene temporalmente mientras se busca un nuevo espacio y financiación para 2026.",
                            "en": "The project is paused while a new venue and funding for 2026 are found.",
                        },
                    ),
                ],
            },
        ],
        "news": [
            {
                "date": "2025-07-03",
                "kind": "news",
                "title": {
                    "ca": "Cultura Cooperativa fa una pausa per replantejar-se",
                    "es": "Cultura Cooperativa hace una pausa para replantearse",
                    "en": "Cooperative Culture takes a break to rethink",
                },
                "slug": {
                    "ca": "cultura-cooperativa-pausa",
                    "es": "cultura-cooperativa-pausa",
                    "en": "cooperative-culture-pause",
                },
                "introduction": {
                    "ca": "Després de dues edicions de formació, el projecte s'atura uns mesos per trobar un espai estable i finançament nou. La taula preveu reprendre'l el 2026 amb el suport de la taula de finances ètiques.",
                    "es": "Tras dos ediciones de formación, el proyecto se detiene unos meses para encontrar un espacio estable y nueva financiación. La mesa prevé retomarlo en 2026 con el apoyo de la mesa de finanzas éticas.",
                    "en": "After two rounds of training, the project is pausing for a few months to find a stable venue and new funding. The table plans to resume it in 2026 with support from the ethical finance table.",
                },
            },
            {
                "date": "2025-10-30",
                "kind": "minutes",
                "title": {
                    "ca": "Acta de la reunió d'octubre",
                    "es": "Acta de la reunión de octubre",
                    "en": "Minutes of the October meeting",
                },
                "slug": {
                    "ca": "acta-cultura-octubre-2025",
                    "es": "acta-cultura-octubre-2025",
                    "en": "culture-minutes-october-2025",
                },
                "introduction": {
                    "ca": "La taula va presentar l'agenda cultural de l'ESS en línia i va revisar la guia de tarifes dignes. Es va acordar demanar a la taula de finances ètiques un estudi per reactivar Cultura Cooperativa.",
                    "es": "La mesa presentó la agenda cultural de la ESS en línea y revisó la guía de tarifas dignas. Se acordó pedir a la mesa de finanzas éticas un estudio para reactivar Cultura Cooperativa.",
                    "en": "The table presented the online SSE culture listings and reviewed the fair-fee guide. It agreed to ask the ethical finance table for a study on restarting Cooperative Culture.",
                },
            },
        ],
    },
]

COORDINATION = {
    "title": {
        "ca": "Taula coordinada multisectorial",
        "es": "Mesa coordinada multisectorial",
        "en": "Coordinated cross-sector table",
    },
    "slug": {"ca": "taula-coordinada", "es": "mesa-coordinada", "en": "coordinated-table"},
    "introduction": {
        "ca": "La taula coordinada reuneix representants de totes les taules sectorials per donar respostes ràpides des de l'ESS a les emergències i crisis que afecten la ciutat. Quan s'activa, identifica les necessitats urgents i les connecta amb les iniciatives de l'ESS que hi poden donar resposta.",
        "es": "La mesa coordinada reúne a representantes de todas las mesas sectoriales para dar respuestas rápidas desde la ESS a las emergencias y crisis que afectan a la ciudad. Cuando se activa, identifica las necesidades urgentes y las conecta con las iniciativas de la ESS que pueden darles respuesta.",
        "en": "The coordinated table brings together representatives of every sector table to give rapid SSE responses to emergencies and crises affecting the city. When it is activated, it identifies urgent needs and connects them with the SSE initiatives that can respond.",
    },
    "crisis_title": {
        "ca": "Onada de calor: resposta de l'ESS",
        "es": "Ola de calor: respuesta de la ESS",
        "en": "Heatwave: the SSE response",
    },
    "crisis_message": {
        "ca": "Davant l'onada de calor, les entitats de l'ESS obren refugis climàtics, acompanyen la gent gran i porten aliments frescos a les llars que més ho necessiten.",
        "es": "Ante la ola de calor, las entidades de la ESS abren refugios climáticos, acompañan a las personas mayores y llevan alimentos frescos a los hogares que más lo necesitan.",
        "en": "During the heatwave, SSE organisations are opening climate shelters, supporting older people and delivering fresh food to the households that need it most.",
    },
    "needs": [
        {
            "title": {
                "ca": "Acompanyament a la gent gran que viu sola",
                "es": "Acompañamiento a las personas mayores que viven solas",
                "en": "Support for older people living alone",
            },
            "description": {
                "ca": "Trucades i visites diàries per comprovar que les persones grans beuen aigua, mantenen la casa fresca i tenen la medicació.",
                "es": "Llamadas y visitas diarias para comprobar que las personas mayores beben agua, mantienen la casa fresca y tienen la medicación.",
                "en": "Daily calls and visits to check that older people are drinking water, keeping their homes cool and have their medication.",
            },
            "sectors": ["cures", "habitatge"],
        },
        {
            "title": {
                "ca": "Refugis climàtics als barris",
                "es": "Refugios climáticos en los barrios",
                "en": "Climate shelters in the neighbourhoods",
            },
            "description": {
                "ca": "Obrir ateneus, casals i locals d'entitats com a espais frescos amb aigua i horaris ampliats.",
                "es": "Abrir ateneos, casales y locales de entidades como espacios frescos con agua y horarios ampliados.",
                "en": "Open ateneus, community centres and organisations' premises as cool spaces with water and extended hours.",
            },
            "sectors": ["cultura", "transicio-energetica"],
        },
        {
            "title": {
                "ca": "Aliments frescos per a llars vulnerables",
                "es": "Alimentos frescos para hogares vulnerables",
                "en": "Fresh food for vulnerable households",
            },
            "description": {
                "ca": "Repartir fruita, verdura i aigua a domicili amb bicicletes de càrrega perquè ningú hagi de sortir a les hores de més calor.",
                "es": "Repartir fruta, verdura y agua a domicilio en bicicletas de carga para que nadie tenga que salir en las horas de más calor.",
                "en": "Deliver fruit, vegetables and water to people's homes by cargo bike so that nobody has to go out in the hottest hours.",
            },
            "sectors": ["agroecologia", "mobilitat", "consum"],
        },
    ],
}
