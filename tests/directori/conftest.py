"""Places with known districts, for placement tests on the real boundaries (fixtures in tests/conftest.py)."""

# Places every Barcelona resident knows, with the district (and, where it is far from any edge, the
# neighbourhood) they are in. Coordinates: WGS84 longitude, latitude.
LANDMARKS = [
    ("Plaça de Sant Jaume", 2.1770, 41.3826, "Ciutat Vella", "el Barri Gòtic"),
    ("Sagrada Família", 2.1744, 41.4036, "Eixample", "la Sagrada Família"),
    ("Plaça d'Espanya, Sants side", 2.1452, 41.3760, "Sants-Montjuïc", None),
    ("Camp Nou", 2.1228, 41.3809, "Les Corts", None),
    ("Plaça de Sarrià", 2.1217, 41.3996, "Sarrià-Sant Gervasi", "Sarrià"),
    ("Plaça del Sol", 2.1574, 41.4010, "Gràcia", "la Vila de Gràcia"),
    ("Laberint d'Horta", 2.1465, 41.4398, "Horta-Guinardó", None),
    ("Plaça de Virrei Amat", 2.1757, 41.4300, "Nou Barris", None),
    ("Plaça d'Orfila", 2.1896, 41.4356, "Sant Andreu", "Sant Andreu"),
    ("Rambla del Poblenou", 2.2010, 41.4010, "Sant Martí", "el Poblenou"),
]
OUTSIDE = [
    ("the sea off the Barceloneta", 2.2500, 41.3700),
    ("L'Hospitalet de Llobregat", 2.0996, 41.3596),
    ("Badalona", 2.2470, 41.4500),
]
