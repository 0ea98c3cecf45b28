"""Data tables of the brief parser: words (FR and EN, folded: lower case, no accents) → codes.

Codes come from `bot.knowledge.vocab`; `tests/brief` checks every code here is in the vocabulary.
A value of None is a stop phrase: it swallows words that would otherwise be misread
("french fries" is not France, "nouvel an chinois" is an event, not the Chinese market).
"""

from __future__ import annotations

from bot.brief.text import PhraseTable, expand

# fmt: off

Codes = tuple[str, ...]

# --- markets -------------------------------------------------------------------------------

_MARKET_WORDS: dict[str, Codes | None] = {}


def _markets(codes: Codes | None, *phrases: str) -> None:
    for phrase in phrases:
        _MARKET_WORDS[phrase] = codes


_markets(
    ("fr",),
    "france", "hexagone", "metropole", "paris", "lyon", "marseille", "bordeaux", "lille",
    "toulouse", "nantes", "strasbourg", "montpellier", "rennes", "french market",
    "parisiens", "parisiennes", "parisians", "alsace", "bretagne", "brittany", "normandie",
    "normandy", "provence", "drome", "grenoble", "nice", "dijon", "reims",
    *expand("francais", "french"), "frenchies", "marche francais", "outre mer",
    # the people of a city name the market as surely as the city ("une association lyonnaise")
    *expand("lyonnais", "marseillais", "bordelais", "lillois", "toulousain", "nantais"),
    *expand("strasbourgeois", "rennais", "grenoblois", "nicois", "montpellierain", "alsacien"),
    *expand("breton", "normand", "provencal", "dijonnais", "remois", "parisien"),
    "parisienne", "bretonne", "bretonnes", "bretons",
    # regions and their people: "une fromagerie savoyarde" comes from France
    "savoie", "haute savoie", "auvergne", "bourgogne", "burgundy", "lorraine", "picardie",
    "corse", "corsica", "vendee", "ardeche", "gascogne", "occitanie",
    # mid-sized cities a brief names instead of the country
    "le mans", "brest", "caen", "rouen", "limoges", "clermont ferrand",
    "metz", "besancon", "perpignan", "poitiers", "la rochelle",
    "bayonne", "biarritz", "avignon", "nimes", "toulon", "annecy", "saint etienne",
    "le havre", "amiens", "mulhouse", "ile de france", "region parisienne",
    # resorts and festival towns a brief names instead of the country
    "cannes", "antibes", "saint tropez", "deauville", "chamonix", "courchevel", "megeve",
    "val d isere", "arcachon", "saint malo", "angouleme", "cote d azur", "aix en provence",
    "lourdes",
    *expand("savoyard", "auvergnat", "champenois", "lorrain", "picard", "ardechois", "landais"),
    "bourguignon", "bourguignonne", "bourguignons", "bourguignonnes", "vendeen", "vendeenne",
    "vendeens", "vendeennes", "gascon", "gasconne", "gascons", "corses", "occitan", "occitane",
)
_markets(
    ("de",),
    "allemagne", "germany", "deutschland", "berlin", "munich", "munchen", "hamburg", "hambourg",
    "frankfurt", "francfort", "koln", "dusseldorf", *expand("allemand"), "german",
    "germans", "stuttgart", "leipzig", "dresden", "dresde", "cologne", "baviere", "bavaria",
    "bayern", "bade wurtemberg", "baden wurttemberg", "rhenanie", "rhineland", "saxe", "saxony",
)
_markets(("de", "ch"), "dach", "d a ch", "allemagne et suisse alemanique")
_markets(("be", "nl"), "benelux")
_markets(
    ("uk",),
    "uk", "u k", "royaume uni", "united kingdom", "great britain", "grande bretagne", "britain",
    "british", *expand("britannique"), "angleterre", "england", "london", "londres",
    "manchester", "scotland", "ecosse", "londoners", "londonien", "londoniens",
    "leeds", "birmingham", "liverpool", "glasgow", "edinburgh", "edimbourg",
    "scottish", "wales", "welsh", "pays de galles", *expand("ecossais", "gallois"),
)
# US states and big cities a brief names instead of the country. Before a market the brief goes
# to, one is the product's home ("a Texas barbecue sauce … in France", "un vin de Californie").
US_PLACES: tuple[str, ...] = (
    "california", "californie", "central valley", "texas", "florida", "floride", "ohio",
    "michigan", "illinois", "iowa", "wisconsin", "minnesota", "nebraska", "kansas", "oregon",
    "arizona", "colorado", "nevada", "pennsylvania", "pennsylvanie", "massachusetts",
    "new jersey", "north carolina", "caroline du nord", "tennessee", "kentucky", "indiana",
    "missouri", "oklahoma", "louisiana", "louisiane", "washington dc", "washington d c",
    "boston", "seattle", "miami", "houston", "dallas", "atlanta", "denver", "detroit",
    "las vegas", "philadelphia", "philadelphie", "phoenix", "nashville", "minneapolis",
    "san diego", "brooklyn", "manhattan",
)
_markets(
    ("us",),
    "usa", "u s a", "etats unis", "united states", "amerique", "america", "american",
    "naples florida", "naples fl",
    "americans", *expand("americain"), "new york", "los angeles", "san francisco", "chicago",
    "silicon valley", "the us", "the u s", "the states",
    *US_PLACES,
)
_markets(
    ("es",),
    "espagne", "spain", "spanish", *expand("espagnol"), "madrid", "barcelone", "barcelona",
    "seville", "valence espagne", "valencia", "valencien", "valencienne", "valenciana",
    "malaga", "bilbao", "catalogne", "catalonia", "andalousie", "andalusia", "pays basque",
    "basque country", "galice", "galicia", "baleares", "balearic islands", "majorque",
    "mallorca", "canaries", "canary islands", "saragosse", "zaragoza", "alicante",
    "andalusian", "andalou", "andalouse", "andalous", "andalouses", "sevillan", "sevillane",
    "madrilene", "madrilenes", "madrileno",
)
_markets(
    ("it",),
    "italie", "italy", "italian", "italians", *expand("italien"), "italienne", "italiennes",
    "milan", "milano", "rome", "roma", "turin", "naples", "napoli", "torino", "florence",
    "firenze", "venise", "venice", "venezia", "bologne", "bologna", "palerme", "palermo", "bari",
    "genes", "genova", "sicile", "sicily", "sicilia", "pouilles", "puglia", "apulia",
    "sardaigne", "sardinia", "sardegna", "toscane", "tuscany", "toscana", "lombardie",
    "lombardy", "lombardia", "piemont", "piedmont", "piemonte", "venetie", "veneto",
    "campanie", "campania", "calabre", "calabria", "ligurie", "liguria",
)
_markets(
    ("be",),
    "belgique", "belgium", "belgian", "belgians", "belge", "belges", "bruxelles", "brussels",
    "wallonie", "wallonia", "liege", "anvers", "antwerp", "gand", "ghent",
    *expand("bruxellois", "wallon", "liegeois", "flamand"), "wallonne", "wallonnes", "flandre",
    "flanders",
)
_markets(
    ("ca",),
    "canada", "canadian", "canadians", "quebec", "montreal", "toronto", "vancouver", "ottawa",
    "laval", "gatineau", "sherbrooke", "ville de quebec", "quebec city",
    *expand("canadien", "quebecois", "montrealais"), "canadienne", "canadiennes",
)
_markets(
    ("nl",),
    "netherlands", "the netherlands", "dutch", "pays bas", "pays-bas", "holland", "hollande",
    "amsterdam", "rotterdam", "la haye", "the hague", "utrecht", "eindhoven",
    *expand("neerlandais", "hollandais"),
)
_markets(
    ("pt",),
    "portugal", "portuguese", "lisbon", "lisbonne", "lisboa", "porto", "algarve", "madeira",
    "madere", "coimbra", "coimbre", *expand("portugais"), "portugaise", "portugaises",
)
_markets(
    ("ch",),
    "suisse", "suisses", "switzerland", "swiss", "romandie", "suisse romande", "geneve",
    "geneva", "lausanne", "zurich", "basel", "berne", "helvetique", "helvetiques",
    "genevois", "genevoise", "genevoises", "lausannois", "lausannoise", "zurichois", "balois",
    "baloise", "baloises", "luganais", "luganaise",
    "zurichoise", "bale", "lugano", "tessin", "ticino", "vallee de joux", "le brassus",
    "la chaux de fonds", "neuchatel", "bienne", "biel", "vaud", "vaudois", "vaudoise", "valais",
    "valaisan", "valaisanne", "fribourg", "montreux", "vevey", "nyon", "zoug", "zug", "lucerne",
    "luzern", "saint gall", "st gallen", "winterthur", "grisons", "graubunden", "davos",
    "st moritz", "zermatt", "verbier", "gstaad", "arc jurassien", "jura suisse", "jura vaudois",
)
_markets(
    ("cn",),
    "chine", "china", "chinese", *expand("chinois"), "chinoise", "chinoises", "shanghai",
    "beijing", "pekin", "shenzhen", "guangzhou", "hong kong", "mainland china",
    "chine continentale",
    # platforms and moments that only exist there
    "xiaohongshu", "douyin", "weibo", "wechat", "tmall", "taobao", "bilibili", "qixi",
    "double 11", "singles day",
)
_markets(
    ("jp",),
    "japon", "japan", "japanese", *expand("japonais"), "japonaise", "japonaises", "tokyo",
    "osaka", "kyoto",
)
_markets(
    ("br",),
    "bresil", "brazil", "brasil", "brazilian", "brazilians", *expand("bresilien"),
    "bresilienne", "bresiliennes", "sao paulo", "rio", "rio de janeiro", "recife",
    "fortaleza", "belo horizonte", "brasilia", "curitiba", "porto alegre", "manaus", "belem",
    "florianopolis", "campinas", "goiania", "paulistano", "paulistanos", "carioca", "cariocas",
    "bahia", "salvador de bahia", "minas gerais", "pernambuco", "ceara", "santa catarina",
    "rio grande do sul", "parana", "espirito santo", "amazonas", "ribeirao preto", "esteio",
)
_markets(
    ("gulf",),
    "gulf", "golfe", "pays du golfe", "gulf states", "gcc", "uae", "u a e",
    "emirats", "emirats arabes unis", "emirates", "united arab emirates", "emirati", "dubai",
    "abu dhabi", "abou dhabi", "saudi", "saudi arabia", "arabie saoudite", "saoudien",
    "saoudienne", "ksa", "riyadh", "riyad", "qatar", "doha", "kuwait", "koweit", "bahrain",
    "bahrein", "oman", "middle east", "moyen orient", "mena",
)
_markets(
    ("europe",),
    "europe", "european", "europeans", *expand("europeen"), "europeenne", "europeennes",
    "union europeenne", "european union", "emea", "pan european", "paneuropeen",
)
_markets(
    ("global",),
    "worldwide", "world wide", "international", "internationale", "internationaux",
    "internationales", "internationally", "mondial", "mondiale", "mondiaux", "mondiales",
    "monde entier", "global campaign", "global launch", "global market", "global markets",
    "global rollout", "go global", "globally", "all markets", "tous les marches",
    "around the world", "dans le monde", "a l international",
    # an audience by the language it reads in, not a country: English-language trade media
    "english-speaking", "english speaking", "anglophone", "anglophones",
)
# stop phrases: words that look like markets but are not
_markets(
    None,
    # bets, not the city: "un opérateur de paris agréé en Italie"
    "operateur de paris", "operateurs de paris", "site de paris", "sites de paris",
    "paris sportifs", "pari sportif", "paris en ligne", "paris hippiques", "prise de paris",
    "application de paris", "appli de paris", "marque de paris", "societe de paris",
    "french fries", "french toast", "french kiss", "french touch", "en francais", "in french",
    "in english", "en anglais", "en allemand", "in german", "in spanish", "en espagnol",
    "chinese new year", "nouvel an chinois", "latin america", "amerique latine",
    "south america", "amerique du sud", "amerique du nord", "north america", "rio tinto",
    "international women s day", "journee internationale", "gulf of mexico", "golfe du mexique",
    "french tech", "nouvel an lunaire", "japanese whisky", "swiss army", "the united nations",
    "english breakfast", "american express", "belgian waffles", "gaufres belges",
    "l oreal paris", "oreal paris", "paris hilton", "barcelona principles",
    "principes de barcelone", "prix d amerique", "grand prix d amerique", "copa america",
    "america s cup",
    # an event's name, not the brief's reach: "le Salon international de l'agriculture"
    "salon international", "festival international", "congres international",
    "forum international", "concours international", "foire internationale",
    "international film festival", "international motor show", "international show",
)
MARKETS = PhraseTable(_MARKET_WORDS)

# Countries the knowledge base has no profile for: they can only be a brand's home ("a Danish
# maker of hearing aids entering Germany", "une marque coréenne arrive en France"), which is
# what makes the brief a market entry. As a target they stay unread, as before.
_ORIGIN_WORDS: list[tuple[str, str]] = (
    [
        *((w, "dk") for w in ("denmark", "danish", "danemark", "copenhagen", "copenhague",
                              *expand("danois"))),
        *((w, "se") for w in ("sweden", "swedish", "stockholm", *expand("suedois"))),
        *((w, "no") for w in ("norway", "norwegian", "norvege", "oslo", *expand("norvegien"),
                              "norvegienne", "norvegiennes")),
        *((w, "fi") for w in ("finland", "finnish", "finlande", "helsinki",
                              *expand("finlandais"))),
        *((w, "at") for w in ("austria", "austrian", "autriche", "vienna",
                              *expand("autrichien"), "autrichienne", "autrichiennes")),
        *((w, "pl") for w in ("poland", "polish", "pologne", "warsaw", "varsovie",
                              *expand("polonais"))),
        *((w, "ie") for w in ("ireland", "irish", "irlande", "dublin", "galway", "limerick",
                              *expand("irlandais"))),
        *((w, "kr") for w in ("south korea", "korea", "korean", "coree", "coree du sud", "seoul",
                              *expand("coreen"), "coreenne", "coreennes")),
        *((w, "in") for w in ("india", "indian", "inde", "mumbai", "bangalore", "bengaluru",
                              *expand("indien"), "indienne", "indiennes")),
        *((w, "au") for w in ("australia", "australian", "australie", "sydney", "melbourne",
                              *expand("australien"), "australienne", "australiennes")),
        *((w, "il") for w in ("israel", "israeli", "tel aviv", *expand("israelien"),
                              "israelienne", "israeliennes")),
        *((w, "mx") for w in ("mexico", "mexican", "mexique", *expand("mexicain"))),
        *((w, "ma") for w in ("morocco", "moroccan", "maroc", "casablanca", *expand("marocain"))),
        *((w, "tr") for w in ("turkish", "turquie", "istanbul", *expand("turc"),
                              "turque", "turques")),
        *((w, "co") for w in ("colombia", "colombian", "colombie", "bogota", "medellin",
                              *expand("colombien"), "colombienne", "colombiennes")),
        *((w, "ar") for w in ("argentina", "argentinian", "argentine", "buenos aires",
                              *expand("argentin"))),
        *((w, "za") for w in ("south africa", "south african", "afrique du sud",
                              *expand("sud africain"))),
        *((w, "sg") for w in ("singapore", "singaporean", "singapour", *expand("singapourien"),
                              "singapourienne", "singapouriennes")),
    ]
)


FOREIGN_ORIGINS = PhraseTable[str](_ORIGIN_WORDS)
_ORIGINS = frozenset(w for w, _ in _ORIGIN_WORDS)


def is_place(word: str) -> bool:
    """Whether a folded word names a country, a region or a city of the markets ("basel"), or a
    country that can only be a brand's home ("dutch")."""
    return _MARKET_WORDS.get(word) is not None or word in _ORIGINS

# --- sectors: (sector, weight); generic words weigh less than specific ones -----------------

_SECTOR_WORDS: dict[str, tuple[str, float] | None] = {}


def _sector(code: str, *phrases: str, weight: float = 1.0) -> None:
    for phrase in phrases:
        _SECTOR_WORDS[phrase] = (code, weight)


_sector(
    "beauty", "cosmetique", "cosmetiques", "cosmetic", "cosmetics", "beaute", "beauty",
    "skincare", "skin care", "soin", "soins", "soins de la peau", "maquillage", "makeup",
    "make up", "parfum", "parfums", "fragrance", "fragrances", "haircare", "capillaire",
    "dermocosmetique", "creme", "cremes", "creme glacee", "serum", "serums", "shampoing", "shampoo",
    "clean beauty", "beaute bio", "hygiene", "deodorant", "deodorants", "shampoings",
    "shampooing", "shampooings", "shampoos", "apres shampoing", "conditioner", "hair care",
    "savon", "savons", "soap", "soaps", "cosmetiques solides", "gel douche", "shower gel",
)
_sector(
    "finance", "banque", "banques", "bank", "banking", "bancaire", "fintech", "fintechs",
    "finance", "secteur financier", "financial sector", "asset manager", "banks",
    "neobanque", "neobank", "neo banque", "crypto", "cryptomonnaie", "cryptocurrency",
    "paiement", "payments", "payment", "credit", "epargne", "savings", "asset management",
    "gestion d actifs", "trading", "courtier", "broker", "financial services",
    "services financiers", "wealth management",
)
_sector(
    "insurance", "assurance", "assurances", "assureur", "assureurs", "insurance", "insurer",
    "insurtech", "mutuelle", "mutuelles", "prevoyance",
)
_sector(
    "alcohol", "biere", "bieres", "beer", "beers", "brasserie", "brewery", "vin", "vins",
    "wine", "wines", "spiritueux", "spirits", "whisky", "whiskey", "vodka", "gin", "rhum",
    "rhums", "rums", "gins", "whiskies", "whiskys", "vodkas",
    "rum", "champagne", "cognac", "tequila", "alcool", "alcohol", "alcoholic", "cidre", "cider",
    "craft beer", "biere craft", "aperitif", "liqueur", "domaine viticole", "vineyard",
    "vigneron", "vignerons", "viticulteur", "viticulteurs", "winery", "winemaker",
    "caviste", "distillerie", "distillery", "domaine viticole", "domaine de bourgogne",
    "domaine bourguignon", "domaine en bourgogne", "chateau bordelais", "maison de champagne",
    "domaine bordelais", "domaine du bordelais", "chateau du bordelais", "domaine alsacien",
    "domaine de loire", "domaine rhodanien", "bordeaux wine", "burgundy wine", "wine estate",
    "wine estates", "domaine champenois", "bordeaux estate", "napa winery",
    "grand cru", "premier cru", "cuvee", "cuvees", "millesime", "vendanges", "cava", "prosecco",
    "cremant", "sake", "soju",
    "mezcal", "liqueur", "liqueurs", "vermouth", "armagnac", "calvados", "pastis", "sherry",
    "port wine", "hard seltzer", "spritz", "aperitif", "aperitifs", "sparkling wine",
    "vin mousseux", "vins mousseux", "bourbon", "brandy", "craft gin", "rose de provence",
    "roses de provence", "vin rose", "vins roses", "rose wine", "rose wines", "cotes de provence",
    "provence rose", "champagne rose", "domaine provencal",
)
_sector(
    "tech", "saas", "logiciel", "logiciels", "software", "tech", "technologie", "technology",
    "intelligence artificielle", "artificial intelligence", "cloud", "genai", "gen ai",
    "cybersecurite", "cybersecurity", "cyber", "app", "application mobile", "mobile app",
    "startup tech", "plateforme", "platform", "data", "electronique", "electronics",
    "smartphone", "smartphones", "gadget", "objets connectes", "iot", "devtools", "api",
    weight=0.6,
)
_sector(
    "tech", "saas", "logiciel", "software", "cybersecurite", "cybersecurity",
    "intelligence artificielle", "artificial intelligence", "scale up tech", "editeur de logiciel",
    "ciso", "cisos", "rssi", "ransomware", "rancongiciel", "anti rancongiciel",
    "managed detection", "soc manage", "managed soc", "pentest", "sauvegarde informatique",
)
_sector(
    "food-beverage", "agroalimentaire", "agro alimentaire", "food", "alimentaire", "pastry",
    "pastries", "patisserie", "patisseries", "bakery", "bakeries", "chocolatier", "chocolatiers",
    "alimentation", "snack", "snacks", "snacking", "boisson", "boissons", "beverage",
    "beverages", "drink", "drinks", "soft drink", "jus", "juice", "cafe", "cafes", "coffee",
    "the glace",
    "chocolat", "chocolate", "biscuits", "cereales", "yaourt", "yaourts", "yogurt", "yogurts",
    "yoghurt", "laitier", "laitiers", "laitiere", "laitieres", "dairy", "creamery",
    "plats prepares", "ready meals",
    "restaurant", "restaurants", "bistro", "bistros", "bistrot", "bistrots", "farm to table",
    "restauration", "fast food", "food delivery", "plant based",
    "vegan", "vegetal", "boulangerie", "boulangeries", "bakery", "bakeries", "patisserie",
    "patisseries", "tiramisu", "tiramisus", "dessert", "desserts", "traiteur", "charcuterie",
    "charcuteries", "saucisson", "saucissons", "jambon", "jambons", "eau minerale",
    "mineral water", "confiserie",
    "candy", "foodtech", "glaces", "ice cream", "fromage", "fromages",
    "fromagerie", "fromageries", "cheese", "cheeses",
    "energy drink", "sports drink", "peanut butter", "beurre de cacahuete",
    "beurre de cacahuetes", "pate a tartiner", "confiture", "confitures", "infant formula",
    "mustard", "moutarde", "moutardes", "condiment", "condiments", "ketchup", "mayonnaise",
    "lait infantile", "baby food", "petits pots",
    "boisson energisante", "boisson sportive", "fries",
    "french fries", "frites", "burger", "burgers", "sandwich", "sandwiches",
    "food delivery app", "delivery app", "livraison de repas", "livraison de courses",
    "appli de livraison", "quick commerce", "olive oil", "huile d'olive", "pasta", "pates",
    "epicerie", "grocery", "groceries", "compote", "compotes", "baby food", "petits pots",
    "lait infantile", "infant formula", "biscuit", "cookies", "gateaux", "lasagne", "lasagnes",
    "plats cuisines", "surgeles", "frozen food", "conserves", "miel", "honey",
    "tea", "teas", "iced tea", "green tea", "the vert", "the glace", "sparkling tea",
    "sparkling water", "eau petillante", "kombucha", "lemonade", "limonade", "soda", "sodas",
    "snack", "snacks",
)
_sector(
    "beauty", "creme solaire", "sunscreen", "sun cream", "protection solaire", "sunblock",
)
_sector(
    "automotive", "voiture", "voitures", "automobile", "auto", "automotive", "cars", "car brand",
    "car maker", "car manufacturer", "new car",
    "ev", "vehicule electrique", "vehicules electriques", "electric vehicle",
    "electric vehicles", "suv", "constructeur automobile", "carmaker", "car maker",
    "concession", "dealership", "vans", "electric van", "electric vans", "cargo van",
    "cargo vans", "delivery van", "delivery vans", "vehicule utilitaire", "vehicules utilitaires",
    "utilitaires electriques", "utilitaire electrique", "camionnette", "camionnettes", "truck",
    "trucks", "camion", "camions", "poids lourd", "poids lourds", "lorry", "lorries",
)
_sector(
    "mobility", "mobilite", "mobility", "trottinette", "trottinettes", "scooter", "scooters",
    "velo", "velos", "bike", "bikes", "e bike", "vtc", "ride hailing", "covoiturage",
    "carpooling", "transport", "transports", "trains", "ferroviaire", "rail",
)
# an NGO fighting food waste is an NGO first: these words outweigh the cause's sector
_sector(
    "ngo", "ong", "ngo", "ngos", "charity", "charities", "non profit", "nonprofit",
    "non-profit", "humanitaire", "humanitarian", "caritative", "association caritative",
    "not for profit",
    weight=3.0,
)
_sector(
    "ngo", "association", "associations", "asso", "assos", "fondation", "foundation",
    "banque alimentaire", "food bank", "restos du coeur", "secours populaire", "hospice",
)
_sector(
    "health-pharma", "pharma", "pharmaceutique", "pharmaceutical", "laboratoire", "labo",
    "medicament", "medicaments", "drug", "drugs", "medicine", "sante", "health", "healthcare",
    "medtech", "healthtech", "biotech", "hopital", "hospital", "vaccin", "vaccine", "otc",
    "dispositif medical", "medical device", "complements alimentaires", "supplements",
    "e sante", "telemedecine", "clinique", "clinic",
    # devices and care people buy or are prescribed
    "hearing aid", "hearing aids", "appareil auditif", "appareils auditifs", "audioprothese",
    "audioprotheses", "horgerat", "horgerate", "glucose monitor", "insulin", "insuline",
    "contact lenses", "lentilles de contact", "dentist", "dentiste", "dental", "dentaire",
    "pharmacy", "pharmacie", "pharmacies", "optician", "opticien", "opticiens", "physiotherapy",
    "kinesitherapie", "mental health app", "sante mentale", "mental health", "nutraceutique",
    # care prescribed online
    "telehealth", "telemedicine", "online doctor", "online pharmacy", "glp 1", "glp1",
    "weight loss injections", "weight loss injection", "weight loss jabs", "ozempic", "wegovy",
    "mounjaro", "prescription only", "prescribes", "prescribe", "teleconsultation",
    "health tech", "medical app", "medical apps", "appli medicale", "application medicale",
    "skin cancer", "cancer de la peau", "symptom checker", "diagnostic app", "medical device",
    "medical devices", "melanoma", "melanome", "melanomas", "melanomes",
)
_sector(
    "luxury", "luxe", "luxury", "haute couture", "joaillerie", "jewellery", "jewelry",
    "horlogerie", "watchmaking", "horloger", "horlogers", "watchmaker", "watchmakers",
    "maroquinerie", "leather goods", "maison de luxe",
)
_sector("luxury", "premium", "prestige", weight=0.4)
_sector(
    "fashion", "fashion", "marque de mode", "la mode", "secteur de la mode", "mode ethique",
    "pret a porter", "vetement", "vetements", "clothing", "apparel", "streetwear", "sneakers",
    "chaussures", "shoes", "textile", "lingerie", "fast fashion", "seconde main",
    "second hand", "denim", "accessoires de mode",
)
_sector(
    "retail", "retail", "retailer", "distribution", "grande distribution", "distributeur",
    "supermarche", "supermarket", "supermarches", "hypermarche", "magasin", "magasins",
    "enseigne", "enseignes", "retail media",
    "grocery", "drugstore",
)
_sector("retail", "magasin", "magasins", "commerce", "boutiques", "distribution", weight=0.5)
# how a maker sells ("e-commerce + Amazon.de") says less than what it makes (mattresses)
_sector("retail", "e commerce", "ecommerce", "marketplace", weight=0.6)
_sector("energy", "energie", "energies", "energy", weight=0.7)
_sector("b2b-industry", "industrie", "industry", weight=0.5)
_sector("entertainment-media", "magazine", "newspaper", weight=0.6)
_sector(
    "food-beverage", "creme glacee", "glace", "glaces", "gelato", "gelati", "ice cream",
    "ice creams", "ice lolly", "ice lollies", "popsicle", "popsicles", "frozen yogurt",
    "frozen yoghurt", "sorbet", "sorbets", "esquimau", "kombucha", "energy bar", "energy bars",
    "barre energetique", "barres energetiques", "energy drink", "energy drinks",
    "boisson energisante", "boissons energisantes", "energy gel", "energy gels", "protein bar",
    "protein bars", "barre proteinee", "barres proteinees", "snack bar", "snack bars",
    "acai", "acai bowl", "acai bowls", "bols d acai", "bol d acai", "poke", "poke bowl",
    "poke bowls", "bubble tea", "smoothie", "smoothies", "smoothie bar", "juice bar",
    "bar a jus", "food truck", "food trucks", "salad bar",
    weight=1.0,
)
# "capteurs d'hygiène pour lignes de production": hygiene is a beauty word only with little else
_sector("beauty", "hygiene", weight=0.5)
_sector(
    "b2b-industry", "lignes de production", "ligne de production", "production lines",
    "production line", "industriels agroalimentaires", "food manufacturers", "food processing",
    "usines agroalimentaires",
)
_sector("b2b-industry", "agroalimentaire", "agroalimentaires", weight=0.5)
# selling to factories: "predictive-maintenance sensors to food factories" is industry, not food
_sector(
    "b2b-industry", "food factories", "food factory", "food plants", "food plant",
    "plant managers", "plant manager", "maintenance heads",
    "maintenance managers", "responsables maintenance", "responsable maintenance",
    "directeurs d usine", "directeur d usine", "maintenance predictive", "predictive maintenance",
    "predictive-maintenance", "capteurs industriels", "industrial sensors", "industrial iot",
    "iot industriel", "jumeau numerique", "digital twin",
)
_sector("b2b-industry", "factories", "factory", "usine", "usines", weight=0.4)
# what factories buy: "des cobots de soudure aux PME de la métallurgie"
_sector(
    "b2b-industry", "cobot", "cobots", "robot de soudage", "robots de soudage", "robot de soudure",
    "robots de soudure", "soudure", "soudage", "welding", "metallurgie", "metalworking",
    "machine-outil", "machines-outils", "machine tool", "machine tools", "usinage", "machining",
    "robots industriels", "industrial robots", "automatisme industriel", "pme industrielles",
    "sous-traitant", "sous-traitants", "subcontractor", "tolerie", "plasturgie", "fonderie",
)
# "vegan" says how a product is made, not what it is: vegan sneakers are fashion
_sector("food-beverage", "vegan", "vegane", "veganes", "vegetal", weight=0.6)
_sector(
    "fashion", "baskets", "sneaker", "sneaker brand", "handbag", "handbags", "sac a main",
    "sacs a main", "bags", "leather bags",
    weight=0.8,
)
_sector("education", "formation", "training", weight=0.6)
_sector(
    "travel-tourism", "tourisme", "tourism", "travel", "voyage", "voyages", "hotel", "hotels",
    "hotellerie", "hospitality", "airline", "airlines", "compagnie aerienne", "destination",
    "office de tourisme", "tourist board", "croisiere", "cruise", "resort", "camping",
    "agence de voyage", "travel agency",
)
_sector(
    "energy", "electricite", "electricity", "gaz", "gas",
    "petrole", "oil", "solaire", "solar", "eolien", "wind power", "renouvelable",
    "renewable", "renewables", "utilities", "nucleaire", "nuclear", "hydrogene",
    "hydrogen", "fournisseur d energie", "borne de recharge", "wind turbine", "wind turbines",
    "offshore wind", "wind farm", "wind farms", "eolienne", "eoliennes", "parc eolien",
    "windkraft", "chauffage", "heating", "heat pump", "heat pumps", "pompe a chaleur",
    "pompes a chaleur", "thermostat", "thermostats", "smart thermostat",
)
_sector(
    "gaming", "gaming", "jeu video", "jeux video", "video game", "video games", "videogame",
    "esport", "esports", "e sport", "console", "consoles", "studio de jeux", "game studio",
    "mobile game", "jeu mobile", "indie game", "indie games", "indie studio", "jeu inde",
    "studio inde", "jeu independant", "studio independant", "steam", "farming sim",
    "farming simulator", "simulation game", "jeu de simulation", "cozy game", "cosy game",
    "nintendo switch", "playstation", "xbox", "game release",
)
_sector(
    "sports", "sport", "sports", "sportif", "sportive", "sportswear", "running", "fitness",
    "football", "soccer", "rugby", "tennis", "basket", "basketball", "cyclisme", "cycling",
    "salle de sport", "gym", "outdoor", "equipementier sportif", "club de foot", "ski",
    "trail", "yoga", "natation", "golf", "chaussures de trail", "chaussures de running",
    "chaussures de course", "running shoes", "trail shoes", "trail running", "trail runners",
    "coureurs", "runners", "baskets de running",
)
_sector(
    "b2b-industry", "b2b industriel", "industriel", "industrielle", "industriels",
    "industrial", "manufacturing", "chimie", "chemicals", "btp", "construction",
    "aeronautique", "aeronautiques", "aerospatiale", "aerospatial", "pieces aeronautiques",
    "avionique", "aerospace", "logistique", "logistics", "machines", "equipementier",
    "sous traitant", "supplier", "fournisseur industriel", "materiaux", "packaging",
    "emballage", "mobilier de bureau", "office furniture",
    "fournitures de bureau", "office supplies", "equipement professionnel",
)
_sector(
    "agriculture", "agriculture", "agricole", "agricoles", "agriculteur", "agriculteurs",
    "agricultrice", "agricultrices", "agritech", "agtech", "agri tech", "ag tech",
    "exploitation agricole", "exploitations agricoles", "exploitant agricole",
    "exploitants agricoles", "eleveur", "eleveurs", "eleveuse", "eleveuses", "elevage",
    "elevages", "eleveurs laitiers", "eleveur laitier", "elevage laitier", "elevages laitiers",
    "dairy farm", "dairy farms", "dairy farmer", "dairy farmers", "farmer", "farmers", "farm",
    "farms", "farming", "agricultural", "tracteur", "tracteurs", "tractor", "tractors",
    "machinisme agricole", "machines agricoles", "machine agricole", "agricultural machinery",
    "farm machinery", "farm equipment", "moissonneuse", "moissonneuses", "combine harvester",
    "combine harvesters", "robot de traite", "robots de traite", "milking robot",
    "milking robots", "robot de desherbage", "robots de desherbage", "desherbage mecanique",
    "weeding robot", "weeding robots", "maraicher", "maraichers", "maraichage",
    "market gardener", "market gardeners", "grandes cultures", "cerealiers", "arable farmers",
    "cooperative agricole", "cooperatives agricoles", "coop agricole", "coops agricoles",
    "cuma", "semences", "semencier", "seed company", "engrais", "fertiliser", "fertilisers",
    "fertilizer", "fertilizers", "phytosanitaire", "phytosanitaires", "crop protection",
    "agronome", "agronomes", "agronomist", "agronomists", "betail", "livestock", "cattle",
    "bovins", "porcins", "landwirt", "landwirte", "landwirtschaft", "agricoltori",
    "agricoltura", "agricultores", "agricultura", "agronegocio", "agropecuaria", "fazendeiros",
    "produtores rurais", "viticulture", "growers",
    weight=1.5,
)
# words a consumer brief uses too ("farm-to-table", "Growers' cider"): a hint, not the sector
_sector(
    "agriculture", "farm", "farms", "farming", "grower", "growers", "cattle", "livestock",
    "irrigation", weight=0.6,
)
_sector(
    "gambling", "paris sportifs", "pari sportif", "paris en ligne", "parieur", "parieurs",
    "operateur de paris", "operateurs de paris", "site de paris", "sites de paris",
    "application de paris", "societe de paris", "sportsbook", "sportsbooks", "punters",
    "betting", "sports betting", "bettors", "bookmaker", "bookmakers", "casinos",
    "casino en ligne", "online casino", "poker", "jeux d'argent", "jeu d'argent", "gambling",
    "igaming", "loterie", "lottery", "paris hippiques", "pari hippique", "turf",
)
_sector(
    "telecom", "telecom", "telecoms", "telecommunications", "operateur telecom",
    "mobile operator", "carrier", "5g", "fibre", "fiber", "forfait mobile",
    "internet provider", "fai", "box internet",
)
_sector(
    "education", "education", "ecole", "ecoles", "school", "schools", "universite",
    "university", "universities", "edtech", "e learning",
    "business school", "grande ecole", "ecole de commerce", "ecoles de commerce",
    "enseignement", "apprentissage en ligne", "mooc",
)
_sector(
    "culture", "culture", "culturel", "culturelle", "musee", "musees", "museum", "museums",
    "exposition", "exhibition", "theatre", "opera", "festival", "festivals", "patrimoine",
    "heritage", "galerie", "gallery", "art", "arts", "livre", "livres", "maison d edition",
    "publishing", "concert", "concerts", "musique", "music", "cinema", "film",
)
_sector(
    "public-sector", "secteur public", "public sector", "ministere", "ministry", "collectivite",
    "collectivites", "collectivite territoriale", "mairie", "city hall", "city council",
    "conseil regional", "conseil departemental", "prefecture", "gouvernement",
    "government", "service public", "public service", "agence publique", "public agency",
    "campagne gouvernementale", "sante publique", "public health", "municipalite",
    "municipality", "operateur public", "etablissement public", "local authority",
)
_sector(
    "entertainment-media", "streaming", "plateforme de streaming", "entertainment",
    "divertissement", "chaine de television", "tv channel", "broadcaster",
    "editeur de presse", "media group", "groupe media", "record label", "maison de disques",
    "film studio", "podcast network", "studio de cinema",
)
_sector(
    "consumer-goods", "grande consommation", "pgc", "fmcg", "cpg", "consumer goods",
    "biens de consommation", "produits d entretien", "household products", "lessive",
    "detergent", "couches", "diapers", "petfood", "pet food", "animaux de compagnie",
    "dog food", "cat food", "croquettes", "nourriture pour chiens", "nourriture pour chats",
    "jouet", "jouets", "toy", "toys", "jeux de societe", "board games", "hygiene bebe",
)
_sector(
    "home", "maison", "home", "decoration", "deco", "home decor", "meuble", "meubles",
    "furniture", "bricolage", "diy", "jardin", "garden", "literie", "mattress", "matelas",
    "immobilier", "real estate", "electromenager", "appliances", "cuisine equipee",
    "cookware", "kitchenware", "ustensiles de cuisine", "batterie de cuisine", "poele",
    "poeles", "casserole", "casseroles", "cocotte", "cocottes", "frying pan", "frying pans",
    "saucepan", "saucepans", "coffee machine", "coffee machines", "coffee-machine",
    "machine a cafe", "machines a cafe", "cafetiere", "espresso machine", "small appliances",
    "petit electromenager",
    weight=0.8,
)
# stop phrases
for _stop in (
    "a la maison", "at home", "home page", "homepage", "en mode", "mode de", "mode d",
    "la mode de", "a la mode", "le mode", "un mode", "soin de", "prendre soin", "take care",
    "en sante", "data driven", "art de", "l art de", "state of the art",
    "the art of", "culture d entreprise", "company culture", "corporate culture",
    "plateforme de marque", "brand platform", "plateforme de communication",
    "plateforme creative", "creative platform", "public cible", "art direction",
    "art director", "brand film", "film de marque", "film publicitaire", "old school",
    "brand health", "sante de la marque", "sante de marque",
    "livre blanc", "livres blancs", "en association avec", "in association with",
    "cannes lions", "media training", "train the", "back to school", "formation de crise",
    "media training", "media plan", "plan media", "medias sociaux", "social media",
    "earned media", "paid media", "owned media", "shared media", "relations presse",
    "press relations", "communique de presse", "press release", "revue de presse",
    "conference de presse", "press conference", "presse nationale", "presse regionale",
    "trade press", "presse specialisee", "national press", "football score", "jeux de mots",
    "home run", "free drinks", "le journal de", "peso", "credit d impot",
):
    _SECTOR_WORDS[_stop] = None
SECTORS = PhraseTable(_SECTOR_WORDS)

# --- objectives ----------------------------------------------------------------------------

# "recruit bettors / young investors / new users" is acquiring customers, not hiring
_CUSTOMERS_FR = (
    "parieurs", "joueurs", "clients", "clientes", "utilisateurs", "utilisatrices", "abonnes",
    "membres", "donateurs", "investisseurs", "epargnants", "acheteurs", "lecteurs", "auditeurs",
    "adherents", "testeurs", "consommateurs", "acheteuses", "joueuses",
    # a cause recruits donors, volunteers and registrants, not staff
    "donneurs", "donneuses", "inscrits", "benevoles", "volontaires", "participants",
    "participantes", "etudiants", "etudiantes", "eleves",
)
_CUSTOMERS_EN = (
    "bettors", "punters", "players", "users", "customers", "members", "subscribers", "donors",
    "investors", "savers", "buyers", "readers", "listeners", "shoppers", "testers", "consumers",
    "volunteers", "participants", "registrants", "students", "blood donors",
)
_RECRUIT_CUSTOMERS: tuple[str, ...] = (
    *(f"{verb} {n}" for n in _CUSTOMERS_FR for verb in (
        "recruter des", "recruter de nouveaux", "recruter des nouveaux", "recruter de jeunes",
        "recrute des", "recrute de nouveaux", "recrute des nouveaux", "recrutons des",
        "recrutons de nouveaux",
        "recruter des jeunes", "recrutement de", "recrutement de nouveaux", "recruter plus de",
        "acquerir de nouveaux", "acquerir des", "attirer de nouveaux", "conquerir de nouveaux",
    )),
    *(f"{verb} {n}" for n in _CUSTOMERS_EN for verb in (
        "recruit", "recruit new", "recruit young", "recruit more", "recruiting",
        "recruiting new", "recruiting young", "recruitment of", "acquire new", "win new",
    )),
    "recrutement d utilisateurs", "recrutement d abonnes", "recrutement d adherents",
)

OBJECTIVES = PhraseTable[str](
    [
        *((w, "awareness") for w in (
            "notoriete", "awareness", "brand awareness", "faire connaitre", "se faire connaitre",
            "visibilite", "visibility", "get known", "make it known", "top of mind",
            "reconnaissance de marque", "brand recognition", "gagner en notoriete",
            "accroitre la notoriete", "buzz", "faire parler", "get people talking",
            "mindshare",
        )),
        *((w, "launch") for w in (
            "lancement", "lancements", "lancer", "lance", "lancons", "lancent", "lancera",
            "lancerons", "launch", "launches", "launching", "launched", "relaunch", "relance",
            "nouveau produit", "new product", "nouvelle gamme", "new range", "new line",
            "mise sur le marche", "go to market", "sortie", "release", "unveil",
            "arrive en", "arrivee en", "arrivee sur le marche", "market entry",
            "entree sur le marche", "ouverture", "opening", "new collection",
            "nouvelle collection",
        )),
        *((w, "reputation") for w in (
            "reputation", "e reputation", "image de marque", "brand image", "son image",
            "notre image", "leur image", "son image de marque", "perception", "confiance",
            "trust", "credibilite", "credibility", "restaurer la confiance", "rebuild trust",
            "redorer", "repositionnement", "repositioning", "reposition", "rebranding",
        )),
        *((w, "crisis") for w in (
            "crise", "crises", "crisis", "bad buzz", "rappel produit", "rappel de produits",
            "product recall", "recall", "boycott", "boycotte", "scandale", "scandal",
            "polemique", "controversy", "backlash", "shitstorm", "fuite de donnees",
            "data breach", "cyberattaque", "cyberattack", "greve", "strike", "accident",
            "bad press", "mauvaise presse", "gestion de crise", "crisis management",
            "plan social", "licenciements", "layoffs", "intoxication", "contamination",
        )),
        *((w, "b2b-leads") for w in (
            "leads", "lead", "generation de leads", "lead generation", "lead gen", "leadgen",
            "generate leads", "generer des leads", "b2b pipeline", "pipeline", "pipe",
            "prospects", "prospection", "prospecting", "demand gen", "demand generation",
            "mql", "mqls", "rendez vous commerciaux", "rdv commerciaux",
            "sales pipeline", "acquisition b2b", "qualified leads",
            # selling to firms: "selling to Mittelstand manufacturers", "vendre aux PME"
            "mittelstand", "selling to manufacturers", "sell to manufacturers",
            "selling to smes", "sell to smes", "selling to businesses", "sell to businesses",
            "selling to companies", "sell to companies", "selling to enterprises",
            "vendre aux entreprises", "vend aux entreprises", "vendre aux pme", "vend aux pme",
            "vendre aux industriels", "vend aux industriels", "clients industriels",
        )),
        *((w, "employer-brand") for w in (
            "marque employeur", "employer brand", "employer branding", "recrutement",
            "recruter", "recrute", "recruit", "recruiting", "recruitment", "hiring", "hire",
            "attirer des talents", "attirer les talents", "attract talent", "attract talents",
            "attractivite employeur", "talent acquisition", "embaucher", "embauche",
            "fidelisation des talents", "retain talent", "evp", "marque rh",
        )),
        *((w, "advocacy") for w in (
            "cause", "grande cause", "plaidoyer", "advocacy", "sensibiliser", "sensibilisation",
            "sensibilise", "sensibilisent", "sensibilisons",
            "raise awareness", "raising awareness", "changer la loi",
            "change the law", "policy change", "petition", "mobiliser", "mobilisation",
            "mobilize", "mobilise", "lobbying", "affaires publiques", "public affairs",
            "interet general", "public cause", "cause publique", "prevention",
            "campagne de prevention", "changement de comportement", "behaviour change",
            "quit smoking", "smokers quit", "arreter de fumer", "arret du tabac",
            "behavior change",
            # a political campaign persuades and mobilises voters
            "presidentielle", "election presidentielle", "elections", "campagne electorale",
            "electoral campaign", "election campaign", "municipales", "legislatives",
            "mouvement politique", "parti politique", "political party", "political movement",
            "get out the vote", "electeurs", "voters",
        )),
        *((w, "conversion") for w in (
            "ventes", "vente", "vendre", "drive sales", "boost sales", "increase sales",
            "grow sales", "sales uplift", "conversion", "conversions", "convertir", "convert",
            "drive to store", "drive to web", "trafic en magasin", "store traffic",
            "foot traffic", "achat", "achats", "purchase", "purchases", "acheter", "buy",
            "sell more", "selling more", "help sell", "sell out", "acquisition", "downloads",
            "telechargements",
            "installs",
            "inscriptions", "sign ups", "signups", "abonnements", "subscriptions",
            # "recruit bettors / players / users" is acquiring customers, not hiring
            *_RECRUIT_CUSTOMERS, "customer acquisition",
            "user acquisition", "acquisition de clients", "acquisition client",
            "grow orders", "grow our orders", "more orders", "increase orders",
            "augmenter les commandes", "plus de commandes", "commandes",
        )),
        *((w, "engagement") for w in (
            "engagement", "engager", "engage", "engaging", "interactions", "interaction",
            "faire reagir", "participation", "ugc", "conversation", "conversations",
            "commentaires", "comments", "shares", "partages",
        )),
        *((w, "community") for w in (
            "communaute", "communautes", "community", "communities", "community building",
            "fans", "fanbase", "ambassadeurs", "ambassadors", "tribu",
            # volunteers are won like a community, not hired
            "recruter des benevoles", "recruter de nouveaux benevoles", "recruter des volontaires",
            "trouver des benevoles", "attirer des benevoles", "mobiliser des benevoles",
            "recruit volunteers", "recruit new volunteers", "recruiting volunteers",
            "find volunteers", "attract volunteers", "benevoles", "volunteers",
        )),
        *((w, "thought-leadership") for w in (
            "thought leadership", "thought leader", "thought leaders", "leadership d opinion",
            "leader d opinion", "expertise", "positionner comme expert",
            "prise de parole d expert", "position as expert", "position as a leader",
            "autorite", "authority", "leadership", "tribune", "tribunes", "op ed", "op eds",
            "une voix qui compte", "devenir une voix", "devenir la voix", "etre une voix",
            "voix de reference", "become a voice", "be a voice", "become the voice",
            "a leading voice", "a voice that counts", "prendre la parole", "prise de parole",
            "livre blanc", "white paper", "whitepaper", "keynote", "prises de parole",
        )),
        *((w, "loyalty") for w in (
            "fidelisation", "fideliser", "fidelite", "loyalty", "loyal", "retention",
            "retention client", "customer retention", "reachat", "repeat purchase",
            "repeat purchases", "churn", "clients existants", "existing customers",
            "programme de fidelite", "loyalty program", "loyalty programme",
        )),
        *((w, "consideration") for w in (
            "consideration", "preference", "preference de marque", "brand preference",
            "considerer", "consider", "faire essayer", "essai", "trial", "shortlist",
            "attractivite", "desirabilite", "desirability", "favorability", "preference",
        )),
        # stop phrases
        *((w, None) for w in (
            "cause de", "a cause", "because", "cause des", "expert en", "experts en",
            "lead to", "leads to", "sortie de crise", "la vente de", "pipe dream",
            "engagement rse", "engagements rse", "nos engagements", "prospects de",
            "leadership team", "fans de", "fan de", "lance pierre", "lancer un debat",
            "club de foot", "club de sport", "football club", "buy in", "lead time",
            "achat media", "achats media", "media buying", "buy media", "sign up here",
            "community manager", "community managers", "ouverture d esprit",
        )),
    ]
)

# --- audiences -----------------------------------------------------------------------------

AUDIENCES = PhraseTable[str](
    [
        *((w, "gen-z") for w in (
            "gen z", "genz", "generation z", "gen zers", "gen zer", "zoomers", "zoomer",
            "ados", "adolescents", "adolescentes", "teens", "teenagers", "young people",
            "youth", "jeunes", "jeunes adultes", "young adults", "lyceens",
            "lyceennes", "high schoolers",
        )),
        *((w, "millennials") for w in (
            "millennials", "millennial", "milleniaux", "millenials", "generation y", "gen y",
            "digital natives", "trentenaires",
        )),
        *((w, "gen-x") for w in (
            "gen x", "generation x", "genx", "quadras", "quadragenaires", "quinquas",
            "quinquagenaires",
        )),
        *((w, "boomers") for w in (
            "boomers", "baby boomers", "seniors", "senior", "retraites", "retirees",
            "personnes agees", "elderly", "older adults", "silver economy", "silver economie",
        )),
        *((w, "parents") for w in (
            "parents", "parent", "jeunes parents", "new parents", "mamans", "maman", "moms",
            "mums", "mothers", "meres", "papas", "dads", "fathers", "peres", "familles",
            "families", "foyers avec enfants", "households with children",
        )),
        *((w, "students") for w in (
            "etudiants", "etudiantes", "etudiant", "students", "student", "campus",
            "college students", "university students", "jeunes diplomes", "graduates",
            "alternants", "alternantes", "alternant", "apprentis", "apprenties", "apprenti",
            "apprentices", "apprentice", "en alternance", "en apprentissage", "stagiaires",
            "interns", "trainees",
        )),
        *((w, "women") for w in (
            "femmes", "women", "woman", "female", "feminin", "feminine", "girls", "filles",
        )),
        *((w, "men") for w in ("hommes", "men", "male", "masculin", "boys", "garcons")),
        *((w, "professionals") for w in (
            "professionnels", "professionals", "cadres", "white collar", "actifs",
            "working professionals", "freelances", "freelancers", "independants",
            "travailleurs independants", "artisans", "commercants", "small business owners",
            "entrepreneurs", "knowledge workers", "salaries du tertiaire", "csp", "csp+",
            "csp plus", "cadres sup",
            # engineers and technicians of a trade (aerospace, energy): not software developers
            "engineers", "ingenieurs", "techniciens", "technicians", "techniciennes",
        )),
        *((w, "b2b-decision-makers") for w in (
            # public buyers a supplier sells to ("des leads auprès des mairies")
            "mairies", "collectivites", "collectivites territoriales", "collectivites locales",
            "intercommunalites", "municipalities", "local authorities", "town halls",
            "city councils", "acheteurs publics", "public buyers",
            "dsi", "cio", "cios", "cto", "ctos", "cmo", "cmos", "cfo", "cfos", "ceo", "ceos",
            "ciso", "cisos", "rssi", "daf", "drh", "dg", "decideurs", "decision makers",
            "decision maker", "decideurs b2b", "b2b decision makers", "dirigeants",
            "c level", "c suite", "executives", "directeurs", "directeurs marketing",
            "directeurs achats", "acheteurs", "buyers", "procurement", "grands comptes",
            "key accounts", "it leaders", "it managers", "it decision makers",
            "responsables it", "chefs d entreprise", "business leaders", "pme", "tpe", "eti",
            "smes", "sme", "comex", "hr directors", "heads of", "marketing directors",
            "purchasing managers", "tier 1 suppliers", "tier one suppliers", "tier 1 supplier",
            "oem buyers", "oems", "equipementiers", "fournisseurs de rang 1", "responsables achats",
            "acheteurs industriels", "industrial buyers", "procurement teams", "plant managers",
            "directeurs d usine", "property developers", "real estate developers",
            "promoteurs immobiliers", "promoteur immobilier", "promoteurs",
            "fleet managers", "fleet manager", "gestionnaires de flotte",
            "gestionnaires de flottes", "gestionnaire de flotte", "responsables de flotte",
            "responsables de parc", "gestionnaires de parc", "transport managers",
            "logistics managers", "responsables logistique", "directeurs logistique",
            "facility managers", "facilities managers", "office managers",
        )),
        *((w, "developers") for w in (
            "developpeurs", "developpeuses", "developers", "developer", "devs",
            "ingenieurs logiciel", "software engineers", "ingenieurs developpement",
            "data scientists", "devops", "ingenieurs logiciels", "ingenieurs informatiques",
            "informaticiens", "programmers", "programmeurs", "coders", "software developers",
        )),
        *((w, "journalists") for w in (
            "journalistes", "journalists", "journaliste", "journalist", "redactions",
            "newsrooms", "reporters", "editors", "redacteurs en chef",
        )),
        *((w, "policymakers") for w in (
            "decideurs publics", "policymakers", "policy makers", "elus", "elected officials",
            "parlementaires", "deputes", "senateurs", "mps", "meps", "regulators",
            "regulateurs", "legislateurs", "lawmakers", "pouvoirs publics", "institutions",
            "ministres", "government officials", "fonctionnaires", "public authorities",
            "policy circles", "eu policy", "policy debate", "milieux politiques",
            "cercles politiques", "eurodeputes", "commission europeenne", "european commission",
            "european parliament", "parlement europeen", "public affairs", "affaires publiques",
        )),
        *((w, "employees") for w in (
            "salaries", "employes", "collaborateurs", "employees", "staff", "en interne",
            "workforce", "equipes internes", "internal teams", "internal audience",
        )),
        *((w, "candidates") for w in (
            "candidats", "candidates", "candidat", "talents", "talent", "job seekers",
            "chercheurs d emploi", "demandeurs d emploi", "jeunes talents", "young talent",
            "profils tech", "tech talent",
        )),
        *((w, "gamers") for w in (
            "gamers", "gamer", "joueurs", "joueuses", "players", "streamers",
            "gaming community", "communaute gaming",
        )),
        *((w, "health-professionals") for w in (
            "medecins", "medecin", "doctors", "physicians", "pharmaciens", "pharmacists",
            "hcp", "hcps", "professionnels de sante", "health professionals",
            "healthcare professionals", "infirmiers", "infirmieres", "nurses",
            "dermatologues", "dermatologists", "praticiens", "soignants", "caregivers",
            "generalistes", "gps",
        )),
        *((w, "investors") for w in (
            "investisseurs", "investors", "investor", "actionnaires", "shareholders", "vcs",
            "business angels", "analystes financiers", "financial analysts", "fonds",
        )),
        *((w, "local-communities") for w in (
            "riverains", "local communities", "communautes locales", "habitants",
            "residents", "locals", "local residents", "citoyens", "citizens",
        )),
        *((w, "general-public") for w in (
            "grand public", "general public", "tout le monde", "mass market", "everyone",
            "consommateurs", "consumers", "le public", "the public",
        )),
        # stop phrases
        *((w, None) for w in (
            "jeunes pousses", "jeune pousse", "parent company", "maison mere", "dev web",
            "talent show", "jeunes marques", "jeune marque", "dg de", "managers de",
            "internal comms", "communication interne", "les jeunes marques",
            "community manager", "community managers", "key players", "big players",
            "public cible", "le public cible", "target audience", "institutions financieres",
            "financial institutions", "la chaux de fonds", "chaux de fonds",
        )),
    ]
)
# Words of a product or subject that say who the audience is without naming it (baby food is
# bought by parents): they add the audience code, not the audience's wording.
AUDIENCE_HINTS = PhraseTable[str](
    [
        *((w, "parents") for w in (
            "baby food", "baby foods", "infant formula", "infant milk", "lait infantile",
            "laits infantiles", "petits pots", "nourrissons", "bebes", "babies", "infants",
            "pushchairs", "poussettes", "couches bebe", "nappies", "diapers",
        )),
    ]
)
# Audience qualifiers that extend an audience phrase ("25-35 ans urbains", "urban millennials").
AUDIENCE_QUALIFIERS: frozenset[str] = frozenset(
    (
        *expand("urbain", "actif", "connecte", "aise", "citadin", "sportif", "engage", "premium"),
        "actives", "sportives", "urban", "affluent", "active", "working", "young", "jeunes",
        "csp", "cadres", "francais", "francaises", "europeens", "europeennes", "diplomes",
        "responsables", "eco", "ecolo", "ecolos", "eco-conscious", "conscious", "conscients",
        "connected", "digital", "tech-savvy", "savvy", "mobiles", "curieux", "curieuses",
        "passionnes", "passionnees", "fans", "ruraux", "rurales", "rural", "high", "income",
        "hauts", "revenus", "busy", "presses", "pressees", "modernes", "solo", "seniors",
        "femmes", "hommes", "women", "men", "parents", "mamans", "it", "b2b", "tech",
        "marketing", "achats", "rh", "hr", "sante", "health",
    )
)

# --- intent ---------------------------------------------------------------------------------

# "define": asks for a definition even when the question names a market or a sector;
# "ask": a question form that is also how strategy questions start ("what is the best…").
LEARN_TRIGGERS = PhraseTable[str](
    [
        *((w, "define") for w in (
            "c est quoi", "c etait quoi", "qu est ce que", "qu est ce qu", "qu est ce",
            "explain", "explain me", "explique", "explique moi", "expliquez", "expliquez moi",
            "expliquer", "define", "definis", "definir", "definition", "definition de",
            "difference between", "difference entre", "differences between",
            "differences entre", "je veux apprendre", "learn about", "teach me",
            "tell me about", "parle moi de", "parlez moi de", "meaning of", "que veut dire",
            "que signifie", "c est quoi la difference", "quelle est la difference",
            "what s the difference", "what is the difference", "introduction to",
            "introduction a", "les bases de", "the basics of", "lecon", "lesson", "cours sur",
            "i m new to", "je debute", "comprendre", "j aimerais comprendre",
            "je voudrais comprendre", "help me understand", "understand", "i want to understand",
            "walk me through",
        )),
        *((w, "ask") for w in (
            "what is", "what s", "what are", "whats", "comment fonctionne", "comment marche",
            "comment ca marche", "how does", "how do", "apprendre", "learn", "what does",
            "quels sont", "quelles sont", "quel est", "quelle est", "what s the role of",
            "show me", "montre moi", "montrez moi", "where is", "where can i find", "ou est",
            "ou trouver", "find me",
        )),
    ]
)
IDEA_STRONG = PhraseTable[str](
    [(w, "idea") for w in (
        "big idea", "big ideas", "grande idee", "brainstorm", "brainstorming", "brainstormer",
        "idees creatives", "idee creative", "creative ideas", "creative idea",
        "trouve moi des idees", "trouvez moi des idees", "donne moi des idees",
        "donnez moi des idees", "des idees de", "des idees pour", "quelques idees",
        "ideas for", "idea for", "some ideas", "give me ideas", "give me some ideas",
        "campaign ideas", "idees de campagne", "concept creatif", "creative concept",
        "concepts creatifs", "creative concepts", "creative territory", "territoire creatif",
        "idees d activation", "activation ideas", "stunt ideas", "idees de stunt",
        "pitch ideas", "idees originales", "original ideas", "fresh ideas",
        "out of the box",
    )]
)
IDEA_WEAK = PhraseTable[str](
    [(w, "idea") for w in (
        "concept", "concepts", "creative", "creatif", "idees", "ideas", "idee", "idea",
    )]
)
STRATEGY_WORDS = PhraseTable[str](
    [(w, "strategy") for w in (
        "strategie", "strategies", "strategy", "strategic", "strategique", "plan", "plans",
        "planning", "recommandation", "recommandations", "recommande", "recommander",
        "recommend", "recommendation", "recommendations", "brief", "go to market",
        "comment lancer", "how to launch", "how should", "how can we", "how do we",
        "how to reach", "comment toucher", "comment faire", "comment communiquer",
        "comment promouvoir", "how to promote", "approach", "approche", "dispositif",
        "plan d action", "action plan", "campaign plan", "roadmap", "que faire",
        "what should", "quel dispositif", "quelle approche", "best way", "meilleure facon",
        "meilleur moyen", "conseille", "conseillez", "advise", "propose", "proposez",
        "help me plan", "mix", "activation plan", "reco", "recos", "feuille de route",
        "we need", "on doit",
        "nous devons", "il nous faut", "we want", "nous voulons", "on veut", "we re launching",
        "nous lancons", "on lance", "what would you do", "que ferais tu", "que feriez vous",
    )]
)
OFF_TOPIC = PhraseTable[str](
    [(w, "other") for w in (
        "meteo", "weather", "recette", "recipe", "recipes", "horoscope", "blague", "joke",
        "score du match", "football score", "qui a gagne", "who won", "lottery", "loto",
        "quelle heure", "what time is it", "capitale de", "capital of", "poeme", "poem",
        "pizza", "cook", "cuisiner", "bourse aujourd hui", "stock price", "quel temps",
        "temps fera", "fera t il beau", "ignore previous instructions", "ignore all previous",
        "ignore toutes tes instructions", "ignore tes instructions", "system prompt",
        "prompt systeme", "you are now", "jailbreak", "reveal your", "affiche ton prompt",
    )]
)
GREETINGS = PhraseTable[str](
    [(w, "other") for w in (
        "bonjour", "salut", "hello", "hi", "hey", "coucou", "merci", "thanks", "thank you",
        "thx", "bonne journee", "good morning", "good evening", "bonsoir", "ca va",
        "how are you", "qui es tu", "who are you", "what can you do", "que sais tu faire",
        "help", "aide", "ok", "super", "top", "parfait", "great", "cool", "yo", "test",
        "ping", "bye", "au revoir", "cheers",
    )]
)

# --- constraints ----------------------------------------------------------------------------

CONSTRAINTS = PhraseTable[str](
    [
        *((w, "no paid media") for w in (
            "no paid", "no paid media", "pas de paid", "sans paid", "pas de media payant",
            "pas de medias payants", "sans media payant", "sans achat media",
            "pas d achat media", "no media buying", "without paid media", "earned only",
            "organic only", "100 organique", "100 earned", "que de l earned",
            "uniquement earned", "no ads", "pas de pub", "no advertising", "sans publicite",
            "pas de publicite",
        )),
        *((w, "no influencers") for w in (
            "no influencers", "no influencer", "pas d influenceurs", "pas d influenceur",
            "sans influenceurs", "sans influenceur", "without influencers",
            "pas d influence", "no creators",
        )),
        *((w, "no celebrities") for w in (
            "no celebrities", "no celebs", "pas de celebrites", "pas de people",
            "sans celebrites",
        )),
        *((w, "no tiktok") for w in ("no tiktok", "pas de tiktok", "sans tiktok", "not tiktok")),
        *((w, "no events") for w in (
            "no events", "pas d evenement", "pas d evenements", "sans evenement",
            "no event", "no physical events",
        )),
        *((w, "B2B only") for w in (
            "b2b only", "only b2b", "uniquement b2b", "que du b2b", "purement b2b",
            "strictly b2b", "100 b2b",
        )),
        *((w, "small budget") for w in (
            "petit budget", "small budget", "budget serre", "budget limite", "limited budget",
            "tight budget", "low budget", "budget reduit", "peu de budget", "petits budgets",
            "budget modeste", "modest budget", "shoestring", "pas beaucoup de budget",
            "not much budget", "little budget", "budget contraint", "budget tres limite",
        )),
        *((w, "ASAP") for w in (
            "d ici ce soir", "d ici demain", "by tonight", "by tomorrow", "sous 24h",
            "sous 24 h", "within 24 hours", "within 24h", "dans l heure", "within the hour",
            "asap", "au plus vite", "des que possible", "au plus tot", "urgent", "urgence",
            "as soon as possible", "right away", "tout de suite",
        )),
        *((w, "Loi Évin") for w in ("loi evin", "evin law", "evin")),
        *((w, "GDPR") for w in ("rgpd", "gdpr")),
        *((w, "legal validation") for w in (
            "validation juridique", "validation legale", "legal approval", "legal review",
            "compliance review", "validation compliance",
        )),
        *((w, "no comparative claims") for w in (
            "pas de comparatif", "no comparative", "no comparison",
        )),
    ]
)
LOWER_BUDGET = PhraseTable[str](
    [(w, "lower") for w in (
        "cheaper", "moins cher", "moins chere", "less expensive", "lower budget",
        "smaller budget", "budget plus petit", "budget plus faible", "budget moindre",
        "moins de budget", "less budget", "reduce the budget", "reduire le budget",
        "budget reduit", "divise le budget", "half the budget", "halve the budget",
        "moitie du budget", "on a moins", "cut the budget", "lower cost",
    )]
    + [(w, "higher") for w in (
        "double the budget", "double le budget", "doubler le budget", "more budget",
        "plus de budget", "bigger budget", "higher budget", "budget plus gros",
        "budget plus important", "plus cher",
    )]
)

# --- brands (best effort): brand → sector, only used when written with a capital ----------------

BRANDS = PhraseTable[str](
    {
        "decathlon": "sports", "nike": "sports", "adidas": "sports", "puma": "sports",
        "salomon": "sports", "asics": "sports", "danone": "food-beverage",
        "nestle": "food-beverage", "evian": "food-beverage", "coca cola": "food-beverage",
        "pepsi": "food-beverage", "red bull": "food-beverage", "bonduelle": "food-beverage",
        "lactalis": "food-beverage", "mcdonald s": "food-beverage", "l oreal": "beauty",
        "loreal": "beauty", "sephora": "beauty", "garnier": "beauty", "nuxe": "beauty",
        "la roche posay": "beauty", "yves rocher": "beauty", "clarins": "beauty",
        "l oreal paris": "beauty", "psg": "sports", "paris saint germain": "sports",
        "lvmh": "luxury", "chanel": "luxury", "hermes": "luxury", "dior": "luxury",
        "kering": "luxury", "cartier": "luxury", "louis vuitton": "luxury", "gucci": "luxury",
        "renault": "automotive", "peugeot": "automotive", "citroen": "automotive",
        "stellantis": "automotive", "tesla": "automotive", "volkswagen": "automotive",
        "bmw": "automotive", "toyota": "automotive", "michelin": "automotive",
        "carrefour": "retail", "leclerc": "retail", "auchan": "retail", "fnac": "retail",
        "monoprix": "retail", "lidl": "retail", "amazon": "retail", "bnp paribas": "finance",
        "societe generale": "finance", "credit agricole": "finance", "boursorama": "finance",
        "revolut": "finance", "qonto": "finance", "lydia": "finance", "axa": "insurance",
        "allianz": "insurance", "maif": "insurance", "macif": "insurance",
        "totalenergies": "energy", "edf": "energy", "engie": "energy", "airbus": "b2b-industry",
        "schneider electric": "b2b-industry", "saint gobain": "b2b-industry",
        "sanofi": "health-pharma", "doctolib": "health-pharma", "servier": "health-pharma",
        "ubisoft": "gaming", "riot games": "gaming", "heineken": "alcohol",
        "pernod ricard": "alcohol", "ricard": "alcohol", "kronenbourg": "alcohol",
        "ab inbev": "alcohol", "diageo": "alcohol", "ikea": "home", "leroy merlin": "home",
        "apple": "tech", "google": "tech", "microsoft": "tech", "samsung": "tech",
        "dassault systemes": "tech", "capgemini": "tech", "ovhcloud": "tech",
        "mistral ai": "tech", "orange": "telecom", "free": "telecom", "bouygues telecom": "telecom",
        "sfr": "telecom", "vodafone": "telecom", "airbnb": "travel-tourism",
        "accor": "travel-tourism", "air france": "travel-tourism", "club med": "travel-tourism",
        "booking": "travel-tourism", "sncf": "mobility", "uber": "mobility",
        "blablacar": "mobility", "lime": "mobility", "netflix": "entertainment-media",
        "spotify": "entertainment-media", "deezer": "entertainment-media",
        "canal+": "entertainment-media", "zara": "fashion", "h&m": "fashion",
        "kiabi": "fashion", "shein": "fashion", "veja": "fashion", "le slip francais": "fashion",
        "unicef": "ngo", "wwf": "ngo", "croix rouge": "ngo", "red cross": "ngo",
        "restos du coeur": "ngo", "msf": "ngo", "greenpeace": "ngo", "louvre": "culture",
    }
)

# Nationality adjectives: next to "brand / marque / company…" they give the brand's origin,
# not a target market ("une marque de cosmétiques française en Chine" is about China).
ORIGIN_ADJECTIVES: frozenset[str] = frozenset(
    (
        *expand("francais", "allemand", "americain", "espagnol", "japonais", "europeen"),
        *expand("chinois", "britannique", "belge", "suisse", "saoudien"),
        "italien", "italienne", "italiens", "italiennes", "bresilien", "bresilienne",
        "bresiliens", "bresiliennes", "french", "german", "british", "american", "spanish",
        "italian", "belgian", "swiss", "chinese", "japanese", "brazilian", "emirati", "european",
        "scottish", "welsh", *expand("ecossais", "gallois"),
        "dutch", "portuguese", "canadian", *expand("neerlandais", "hollandais", "portugais"),
        *expand("canadien", "quebecois"), "portugaise", "portugaises", "canadienne",
        "canadiennes", "quebecoise", "quebecoises",
        # city and region people: "une start-up parisienne … à New York" comes from France
        *expand("lyonnais", "marseillais", "bordelais", "lillois", "toulousain", "nantais"),
        *expand("strasbourgeois", "rennais", "grenoblois", "nicois", "montpellierain", "alsacien"),
        *expand("normand", "provencal", "dijonnais", "remois", "parisien", "breton"),
        *expand("bruxellois", "liegeois", "flamand", "wallon", "genevois", "lausannois"),
        *expand("zurichois", "balois", "luganais"),
        "parisienne", "parisiennes", "bretonne", "bretonnes", "wallonne", "wallonnes",
        *expand("savoyard", "auvergnat", "champenois", "lorrain", "picard", "ardechois"),
        *expand("landais"), "bourguignon", "bourguignonne", "bourguignons", "bourguignonnes",
        "vendeen", "vendeenne", "vendeens", "vendeennes", "gascon", "gasconne", "gascons",
        "corse", "corses", "occitan", "occitane",
    )
)
BRAND_NOUNS: frozenset[str] = frozenset(
    (
        "bookmaker", "bookmakers", "casino", "casinos", "neobank", "neobanque", "cannery",
        "conserverie", "distillerie",
        "brand", "brands", "marque", "marques", "company", "companies", "entreprise",
        "entreprises", "startup", "start", "maison", "label", "retailer", "enseigne", "groupe",
        "group", "firm", "societe", "fabricant", "manufacturer", "producer", "producteur",
        "estate", "domaine", "winery", "bodega", "brewery", "roastery", "cooperative",
        "house", "carmaker", "constructeur", "editeur", "player", "acteur", "scale", "scaleup",
        "pme", "eti", "sme", "smes", "maker", "chain", "chaine", "bank", "banque", "insurer",
        "assureur", "fintech", "insurtech", "biotech", "medtech", "foodtech", "distillery",
        "exchange", "platform", "plateforme", "marketplace", "eshop", "shop", "provider",
        "fournisseur", "supplier", "airline", "compagnie", "saas", "software", "clinic",
        "clinique", "university", "universite", "school", "ecole",
        "distillerie", "brewery", "brasserie", "domaine", "winery", "operator", "operateur",
        "client", "cliente", "ngo", "ong", "association", "unicorn", "licorne", "app",
        "studio", "cooperative", "coop", "chocolaterie", "fromagerie", "laboratoire", "labo",
        "agence", "cabinet", "developer", "publisher", "hotel", "hotelier", "restaurant",
        "vineyard", "roaster", "torrefacteur", "brewer", "brasseur", "outfit", "label",
        "application", "platform", "plateforme", "team", "equipe", "line", "range", "gamme",
        # crafts and workshops: "a Besançon watchmaker … in Japan" comes from Besançon
        "watchmaker", "watchmakers", "horloger", "horlogerie", "jeweller", "jeweler",
        "joaillier", "bijoutier", "perfumer", "parfumeur", "parfumerie", "bakery", "boulangerie",
        "patisserie", "chocolatier", "cheesemaker", "coutelier", "coutellerie", "cutler",
        "atelier", "workshop", "manufacture", "savonnerie", "soapmaker", "confiserie",
        "biscuiterie", "cidrerie", "creamery", "dairy", "laiterie", "artisan", "craftsman",
        "tailor", "couturier", "designer", "pottery", "poterie", "faiencerie", "tannery",
        "tannerie", "maroquinier", "maroquinerie", "glassworks", "verrerie", "cristallerie",
    )
)
# Words just before a market that make it the brand's home, not a target: "from France",
# "basée en Suisse".
ORIGIN_PREFIXES: frozenset[str] = frozenset(
    (
        "from", "based", "headquartered", "originaire", "venant", "issue", "issu", "basee",
        "base", "depuis", "native", "home",
    )
)
# Words just before a market that make it a target: "entering Germany", "arrive en France".
TARGET_PREFIXES: frozenset[str] = frozenset(
    (
        "in", "into", "to", "entering", "enter", "en", "au", "aux", "vers", "sur", "across",
        "dans", "pour", "for", "towards", "a",
    )
)

# Words that cannot be a client name when they follow "pour" / "for" with a capital letter.
NOT_CLIENTS: frozenset[str] = frozenset(
    (
        "gen", "generation", "b2b", "b2c", "noel", "christmas", "black", "singles", "ramadan",
        "saint", "st", "valentine", "q1", "q2", "q3", "q4", "t1", "t2", "t3", "t4", "tiktok",
        "instagram", "linkedin", "youtube", "facebook", "twitch", "snapchat", "x", "twitter",
        "wechat", "weibo", "i", "we", "us", "nous", "you", "vous", "the", "le", "la", "les",
        "un", "une", "a", "an", "our", "notre", "nos", "mon", "ma", "my", "ce", "cette", "this",
        "that", "it", "pr", "rp", "ceo", "cmo", "cio", "dsi", "monday", "lundi", "ai", "ia",
        "seo", "ces", "vivatech", "cannes", "easter", "paques", "halloween", "pride",
        "millennials", "boomers", "ong", "ngo", "kpi", "kpis", "roi", "peso", "what", "how",
        "which", "quel", "quelle", "comment", "next", "this", "ete", "summer", "winter",
        "spring", "autumn", "fall", "hiver", "printemps", "automne", "rentree", "dry",
        "movember", "fete", "mother", "father", "new", "nouvel", "cyber", "earth", "world",
        "journee", "international", "olympics", "jo", "coupe",
    )
)
# fmt: on
