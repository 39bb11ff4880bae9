"""Which council holds adult social care for each local authority district, as of April 2023.

Care duties (the Care Act 2014 in England, the Social Work (Scotland) Act and SDS Act in Scotland, the Social Services
and Well-being (Wales) Act) sit with the upper tier: in two-tier England the county council, everywhere else (unitary
councils, metropolitan districts, London boroughs, the City of London, the Isles of Scilly, Scottish councils and Welsh
principal areas) the local authority itself. Adult social care in Northern Ireland is run by the health and social
care trusts, not councils, and is not covered.

The build checks these tables against the data it reads (``marketplace/geography/build.py``): every district below
must carry this county in Code-Point Open's county column and every other district none, and every May 2022 district
missing from Code-Point Open must be one that ``REPLACED_IN_2023`` names.
"""

# The 21 county councils of two-tier England from 1 April 2023, with their districts (GSS codes).
COUNTIES = {
    "E10000003": "Cambridgeshire",
    "E10000007": "Derbyshire",
    "E10000008": "Devon",
    "E10000011": "East Sussex",
    "E10000012": "Essex",
    "E10000013": "Gloucestershire",
    "E10000014": "Hampshire",
    "E10000015": "Hertfordshire",
    "E10000016": "Kent",
    "E10000017": "Lancashire",
    "E10000018": "Leicestershire",
    "E10000019": "Lincolnshire",
    "E10000020": "Norfolk",
    "E10000024": "Nottinghamshire",
    "E10000025": "Oxfordshire",
    "E10000028": "Staffordshire",
    "E10000029": "Suffolk",
    "E10000030": "Surrey",
    "E10000031": "Warwickshire",
    "E10000032": "West Sussex",
    "E10000034": "Worcestershire",
}

_DISTRICTS_BY_COUNTY = {
    # Cambridge, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire
    "E10000003": "E07000008 E07000009 E07000010 E07000011 E07000012",
    # Amber Valley, Bolsover, Chesterfield, Derbyshire Dales, Erewash, High Peak, North East Derbyshire,
    # South Derbyshire
    "E10000007": "E07000032 E07000033 E07000034 E07000035 E07000036 E07000037 E07000038 E07000039",
    # East Devon, Exeter, Mid Devon, North Devon, South Hams, Teignbridge, Torridge, West Devon
    "E10000008": "E07000040 E07000041 E07000042 E07000043 E07000044 E07000045 E07000046 E07000047",
    # Eastbourne, Hastings, Lewes, Rother, Wealden
    "E10000011": "E07000061 E07000062 E07000063 E07000064 E07000065",
    # Basildon, Braintree, Brentwood, Castle Point, Chelmsford, Colchester, Epping Forest, Harlow, Maldon, Rochford,
    # Tendring, Uttlesford
    "E10000012": "E07000066 E07000067 E07000068 E07000069 E07000070 E07000071 E07000072 E07000073 E07000074 E07000075 "
    "E07000076 E07000077",
    # Cheltenham, Cotswold, Forest of Dean, Gloucester, Stroud, Tewkesbury
    "E10000013": "E07000078 E07000079 E07000080 E07000081 E07000082 E07000083",
    # Basingstoke and Deane, East Hampshire, Eastleigh, Fareham, Gosport, Hart, Havant, New Forest, Rushmoor,
    # Test Valley, Winchester
    "E10000014": "E07000084 E07000085 E07000086 E07000087 E07000088 E07000089 E07000090 E07000091 E07000092 E07000093 "
    "E07000094",
    # Broxbourne, Dacorum, Hertsmere, North Hertfordshire, Three Rivers, Watford, St Albans, Welwyn Hatfield,
    # East Hertfordshire, Stevenage
    "E10000015": "E07000095 E07000096 E07000098 E07000099 E07000102 E07000103 E07000240 E07000241 E07000242 E07000243",
    # Ashford, Canterbury, Dartford, Dover, Gravesham, Maidstone, Sevenoaks, Folkestone and Hythe, Swale, Thanet,
    # Tonbridge and Malling, Tunbridge Wells
    "E10000016": "E07000105 E07000106 E07000107 E07000108 E07000109 E07000110 E07000111 E07000112 E07000113 E07000114 "
    "E07000115 E07000116",
    # Burnley, Chorley, Fylde, Hyndburn, Lancaster, Pendle, Preston, Ribble Valley, Rossendale, South Ribble,
    # West Lancashire, Wyre
    "E10000017": "E07000117 E07000118 E07000119 E07000120 E07000121 E07000122 E07000123 E07000124 E07000125 E07000126 "
    "E07000127 E07000128",
    # Blaby, Charnwood, Harborough, Hinckley and Bosworth, Melton, North West Leicestershire, Oadby and Wigston
    "E10000018": "E07000129 E07000130 E07000131 E07000132 E07000133 E07000134 E07000135",
    # Boston, East Lindsey, Lincoln, North Kesteven, South Holland, South Kesteven, West Lindsey
    "E10000019": "E07000136 E07000137 E07000138 E07000139 E07000140 E07000141 E07000142",
    # Breckland, Broadland, Great Yarmouth, King's Lynn and West Norfolk, North Norfolk, Norwich, South Norfolk
    "E10000020": "E07000143 E07000144 E07000145 E07000146 E07000147 E07000148 E07000149",
    # Ashfield, Bassetlaw, Broxtowe, Gedling, Mansfield, Newark and Sherwood, Rushcliffe
    "E10000024": "E07000170 E07000171 E07000172 E07000173 E07000174 E07000175 E07000176",
    # Cherwell, Oxford, South Oxfordshire, Vale of White Horse, West Oxfordshire
    "E10000025": "E07000177 E07000178 E07000179 E07000180 E07000181",
    # Cannock Chase, East Staffordshire, Lichfield, Newcastle-under-Lyme, South Staffordshire, Stafford,
    # Staffordshire Moorlands, Tamworth
    "E10000028": "E07000192 E07000193 E07000194 E07000195 E07000196 E07000197 E07000198 E07000199",
    # Babergh, Ipswich, Mid Suffolk, East Suffolk, West Suffolk
    "E10000029": "E07000200 E07000202 E07000203 E07000244 E07000245",
    # Elmbridge, Epsom and Ewell, Guildford, Mole Valley, Reigate and Banstead, Runnymede, Spelthorne, Surrey Heath,
    # Tandridge, Waverley, Woking
    "E10000030": "E07000207 E07000208 E07000209 E07000210 E07000211 E07000212 E07000213 E07000214 E07000215 E07000216 "
    "E07000217",
    # North Warwickshire, Nuneaton and Bedworth, Rugby, Stratford-on-Avon, Warwick
    "E10000031": "E07000218 E07000219 E07000220 E07000221 E07000222",
    # Adur, Arun, Chichester, Crawley, Horsham, Mid Sussex, Worthing
    "E10000032": "E07000223 E07000224 E07000225 E07000226 E07000227 E07000228 E07000229",
    # Bromsgrove, Malvern Hills, Redditch, Worcester, Wychavon, Wyre Forest
    "E10000034": "E07000234 E07000235 E07000236 E07000237 E07000238 E07000239",
}

# District (E07) → its county (E10): 164 districts.
DISTRICT_COUNTY = {
    district: county for county, districts in _DISTRICTS_BY_COUNTY.items() for district in districts.split()
}

# The unitary councils created on 1 April 2023, which took over the districts and the county council of Cumbria
# (E10000006), North Yorkshire (E10000023) and Somerset (E10000027).
UNITARIES_OF_2023 = {
    "E06000063": "Cumberland",
    "E06000064": "Westmorland and Furness",
    "E06000065": "North Yorkshire",
    "E06000066": "Somerset",
}

# May 2022 district → the 2023 unitary council that replaced it.
REPLACED_IN_2023 = {
    "E07000026": "E06000063",  # Allerdale
    "E07000028": "E06000063",  # Carlisle
    "E07000029": "E06000063",  # Copeland
    "E07000027": "E06000064",  # Barrow-in-Furness
    "E07000030": "E06000064",  # Eden
    "E07000031": "E06000064",  # South Lakeland
    "E07000163": "E06000065",  # Craven
    "E07000164": "E06000065",  # Hambleton
    "E07000165": "E06000065",  # Harrogate
    "E07000166": "E06000065",  # Richmondshire
    "E07000167": "E06000065",  # Ryedale
    "E07000168": "E06000065",  # Scarborough
    "E07000169": "E06000065",  # Selby
    "E07000187": "E06000066",  # Mendip
    "E07000188": "E06000066",  # Sedgemoor
    "E07000189": "E06000066",  # South Somerset
    "E07000246": "E06000066",  # Somerset West and Taunton
}


def current_local_authority(code: str) -> str:
    """The local authority's code today: a May 2022 district abolished in 2023 becomes its unitary council."""
    return REPLACED_IN_2023.get(code, code)


def care_authority_code(local_authority: str) -> str:
    """The GSS code of the council that holds adult social care for a (current) local authority."""
    return DISTRICT_COUNTY.get(local_authority, local_authority)
