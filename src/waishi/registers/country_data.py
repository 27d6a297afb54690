"""Reference data of the country register: ISO 3166-1 codes, official names and groups.

Seeded by migration ``0002_countries_organisations`` and re-seeded by the test suite after a
transactional test has flushed the tables. Names follow official Chinese usage: Hong Kong,
Macao and Taiwan are regions of China (中国香港 / Hong Kong, China), never bare names or
codes. Traditional names follow from Simplified by conversion with the bureau's glossary,
except where ``TRADITIONAL`` spells them out.
"""

from typing import Any

# code|group name in Simplified Chinese|in Traditional Chinese|in English|kind
# Kinds: "region" (each country is in at most one) and "bloc" (a country may be in several).
GROUPS = """
asia|亚洲|亞洲|Asia|region
europe|欧洲|歐洲|Europe|region
africa|非洲|非洲|Africa|region
north_america|北美洲|北美洲|North America|region
latin_america|拉丁美洲和加勒比|拉丁美洲和加勒比|Latin America and the Caribbean|region
oceania|大洋洲|大洋洲|Oceania|region
eu|欧洲联盟|歐洲聯盟|European Union|bloc
schengen|申根区|申根區|Schengen area|bloc
asean|东南亚国家联盟|東南亞國家聯盟|ASEAN|bloc
hk_macao_taiwan|港澳台地区|港澳台地區|Hong Kong, Macao and Taiwan, China|bloc
"""

# Where the glossary's conversion is not the official form.
TRADITIONAL = {"HK": "中國香港", "MO": "中國澳門", "TW": "中國臺灣", "CN": "中國"}

# alpha-2|alpha-3|numeric|Simplified Chinese|English|groups, in the order forms list them:
# the places delegations visit most first, then the rest of ISO 3166-1 by code.
COUNTRIES = """
HK|HKG|344|中国香港|Hong Kong, China|asia,hk_macao_taiwan
MO|MAC|446|中国澳门|Macao, China|asia,hk_macao_taiwan
TW|TWN|158|中国台湾|Taiwan, China|asia,hk_macao_taiwan
JP|JPN|392|日本|Japan|asia
KR|KOR|410|韩国|Republic of Korea|asia
KP|PRK|408|朝鲜|Democratic People's Republic of Korea|asia
MN|MNG|496|蒙古国|Mongolia|asia
VN|VNM|704|越南|Viet Nam|asia,asean
LA|LAO|418|老挝|Lao People's Democratic Republic|asia,asean
KH|KHM|116|柬埔寨|Cambodia|asia,asean
TH|THA|764|泰国|Thailand|asia,asean
MM|MMR|104|缅甸|Myanmar|asia,asean
MY|MYS|458|马来西亚|Malaysia|asia,asean
SG|SGP|702|新加坡|Singapore|asia,asean
ID|IDN|360|印度尼西亚|Indonesia|asia,asean
PH|PHL|608|菲律宾|Philippines|asia,asean
BN|BRN|096|文莱|Brunei Darussalam|asia,asean
TL|TLS|626|东帝汶|Timor-Leste|asia,asean
IN|IND|356|印度|India|asia
PK|PAK|586|巴基斯坦|Pakistan|asia
BD|BGD|050|孟加拉国|Bangladesh|asia
LK|LKA|144|斯里兰卡|Sri Lanka|asia
NP|NPL|524|尼泊尔|Nepal|asia
BT|BTN|064|不丹|Bhutan|asia
MV|MDV|462|马尔代夫|Maldives|asia
AF|AFG|004|阿富汗|Afghanistan|asia
KZ|KAZ|398|哈萨克斯坦|Kazakhstan|asia
UZ|UZB|860|乌兹别克斯坦|Uzbekistan|asia
KG|KGZ|417|吉尔吉斯斯坦|Kyrgyzstan|asia
TJ|TJK|762|塔吉克斯坦|Tajikistan|asia
TM|TKM|795|土库曼斯坦|Turkmenistan|asia
IR|IRN|364|伊朗|Iran|asia
IQ|IRQ|368|伊拉克|Iraq|asia
SA|SAU|682|沙特阿拉伯|Saudi Arabia|asia
AE|ARE|784|阿拉伯联合酋长国|United Arab Emirates|asia
QA|QAT|634|卡塔尔|Qatar|asia
KW|KWT|414|科威特|Kuwait|asia
BH|BHR|048|巴林|Bahrain|asia
OM|OMN|512|阿曼|Oman|asia
YE|YEM|887|也门|Yemen|asia
JO|JOR|400|约旦|Jordan|asia
SY|SYR|760|叙利亚|Syria|asia
LB|LBN|422|黎巴嫩|Lebanon|asia
IL|ISR|376|以色列|Israel|asia
PS|PSE|275|巴勒斯坦|Palestine|asia
TR|TUR|792|土耳其|Türkiye|asia
GE|GEO|268|格鲁吉亚|Georgia|asia
AM|ARM|051|亚美尼亚|Armenia|asia
AZ|AZE|031|阿塞拜疆|Azerbaijan|asia
CY|CYP|196|塞浦路斯|Cyprus|asia,eu
GB|GBR|826|英国|United Kingdom|europe
IE|IRL|372|爱尔兰|Ireland|europe,eu
FR|FRA|250|法国|France|europe,eu,schengen
DE|DEU|276|德国|Germany|europe,eu,schengen
IT|ITA|380|意大利|Italy|europe,eu,schengen
ES|ESP|724|西班牙|Spain|europe,eu,schengen
PT|PRT|620|葡萄牙|Portugal|europe,eu,schengen
NL|NLD|528|荷兰|Netherlands|europe,eu,schengen
BE|BEL|056|比利时|Belgium|europe,eu,schengen
LU|LUX|442|卢森堡|Luxembourg|europe,eu,schengen
CH|CHE|756|瑞士|Switzerland|europe,schengen
AT|AUT|040|奥地利|Austria|europe,eu,schengen
LI|LIE|438|列支敦士登|Liechtenstein|europe,schengen
MC|MCO|492|摩纳哥|Monaco|europe
DK|DNK|208|丹麦|Denmark|europe,eu,schengen
SE|SWE|752|瑞典|Sweden|europe,eu,schengen
NO|NOR|578|挪威|Norway|europe,schengen
FI|FIN|246|芬兰|Finland|europe,eu,schengen
IS|ISL|352|冰岛|Iceland|europe,schengen
PL|POL|616|波兰|Poland|europe,eu,schengen
CZ|CZE|203|捷克|Czechia|europe,eu,schengen
SK|SVK|703|斯洛伐克|Slovakia|europe,eu,schengen
HU|HUN|348|匈牙利|Hungary|europe,eu,schengen
RO|ROU|642|罗马尼亚|Romania|europe,eu,schengen
BG|BGR|100|保加利亚|Bulgaria|europe,eu,schengen
GR|GRC|300|希腊|Greece|europe,eu,schengen
MT|MLT|470|马耳他|Malta|europe,eu,schengen
SI|SVN|705|斯洛文尼亚|Slovenia|europe,eu,schengen
HR|HRV|191|克罗地亚|Croatia|europe,eu,schengen
RS|SRB|688|塞尔维亚|Serbia|europe
BA|BIH|070|波斯尼亚和黑塞哥维那|Bosnia and Herzegovina|europe
ME|MNE|499|黑山|Montenegro|europe
MK|MKD|807|北马其顿|North Macedonia|europe
AL|ALB|008|阿尔巴尼亚|Albania|europe
EE|EST|233|爱沙尼亚|Estonia|europe,eu,schengen
LV|LVA|428|拉脱维亚|Latvia|europe,eu,schengen
LT|LTU|440|立陶宛|Lithuania|europe,eu,schengen
BY|BLR|112|白俄罗斯|Belarus|europe
UA|UKR|804|乌克兰|Ukraine|europe
MD|MDA|498|摩尔多瓦|Moldova|europe
RU|RUS|643|俄罗斯|Russian Federation|europe
VA|VAT|336|梵蒂冈|Holy See|europe
SM|SMR|674|圣马力诺|San Marino|europe
AD|AND|020|安道尔|Andorra|europe
US|USA|840|美国|United States|north_america
CA|CAN|124|加拿大|Canada|north_america
MX|MEX|484|墨西哥|Mexico|latin_america
GT|GTM|320|危地马拉|Guatemala|latin_america
BZ|BLZ|084|伯利兹|Belize|latin_america
SV|SLV|222|萨尔瓦多|El Salvador|latin_america
HN|HND|340|洪都拉斯|Honduras|latin_america
NI|NIC|558|尼加拉瓜|Nicaragua|latin_america
CR|CRI|188|哥斯达黎加|Costa Rica|latin_america
PA|PAN|591|巴拿马|Panama|latin_america
CU|CUB|192|古巴|Cuba|latin_america
JM|JAM|388|牙买加|Jamaica|latin_america
HT|HTI|332|海地|Haiti|latin_america
DO|DOM|214|多米尼加|Dominican Republic|latin_america
BS|BHS|044|巴哈马|Bahamas|latin_america
BB|BRB|052|巴巴多斯|Barbados|latin_america
TT|TTO|780|特立尼达和多巴哥|Trinidad and Tobago|latin_america
DM|DMA|212|多米尼克|Dominica|latin_america
GD|GRD|308|格林纳达|Grenada|latin_america
AG|ATG|028|安提瓜和巴布达|Antigua and Barbuda|latin_america
LC|LCA|662|圣卢西亚|Saint Lucia|latin_america
VC|VCT|670|圣文森特和格林纳丁斯|Saint Vincent and the Grenadines|latin_america
KN|KNA|659|圣基茨和尼维斯|Saint Kitts and Nevis|latin_america
CO|COL|170|哥伦比亚|Colombia|latin_america
VE|VEN|862|委内瑞拉|Venezuela|latin_america
GY|GUY|328|圭亚那|Guyana|latin_america
SR|SUR|740|苏里南|Suriname|latin_america
EC|ECU|218|厄瓜多尔|Ecuador|latin_america
PE|PER|604|秘鲁|Peru|latin_america
BO|BOL|068|玻利维亚|Bolivia|latin_america
BR|BRA|076|巴西|Brazil|latin_america
PY|PRY|600|巴拉圭|Paraguay|latin_america
UY|URY|858|乌拉圭|Uruguay|latin_america
AR|ARG|032|阿根廷|Argentina|latin_america
CL|CHL|152|智利|Chile|latin_america
EG|EGY|818|埃及|Egypt|africa
LY|LBY|434|利比亚|Libya|africa
TN|TUN|788|突尼斯|Tunisia|africa
DZ|DZA|012|阿尔及利亚|Algeria|africa
MA|MAR|504|摩洛哥|Morocco|africa
SD|SDN|729|苏丹|Sudan|africa
SS|SSD|728|南苏丹|South Sudan|africa
ET|ETH|231|埃塞俄比亚|Ethiopia|africa
ER|ERI|232|厄立特里亚|Eritrea|africa
DJ|DJI|262|吉布提|Djibouti|africa
SO|SOM|706|索马里|Somalia|africa
KE|KEN|404|肯尼亚|Kenya|africa
UG|UGA|800|乌干达|Uganda|africa
RW|RWA|646|卢旺达|Rwanda|africa
BI|BDI|108|布隆迪|Burundi|africa
TZ|TZA|834|坦桑尼亚|Tanzania|africa
SC|SYC|690|塞舌尔|Seychelles|africa
MU|MUS|480|毛里求斯|Mauritius|africa
MG|MDG|450|马达加斯加|Madagascar|africa
KM|COM|174|科摩罗|Comoros|africa
MZ|MOZ|508|莫桑比克|Mozambique|africa
MW|MWI|454|马拉维|Malawi|africa
ZM|ZMB|894|赞比亚|Zambia|africa
ZW|ZWE|716|津巴布韦|Zimbabwe|africa
BW|BWA|072|博茨瓦纳|Botswana|africa
NA|NAM|516|纳米比亚|Namibia|africa
ZA|ZAF|710|南非|South Africa|africa
LS|LSO|426|莱索托|Lesotho|africa
SZ|SWZ|748|斯威士兰|Eswatini|africa
AO|AGO|024|安哥拉|Angola|africa
CD|COD|180|刚果（金）|Democratic Republic of the Congo|africa
CG|COG|178|刚果（布）|Congo|africa
GA|GAB|266|加蓬|Gabon|africa
GQ|GNQ|226|赤道几内亚|Equatorial Guinea|africa
CM|CMR|120|喀麦隆|Cameroon|africa
CF|CAF|140|中非|Central African Republic|africa
TD|TCD|148|乍得|Chad|africa
NE|NER|562|尼日尔|Niger|africa
NG|NGA|566|尼日利亚|Nigeria|africa
BJ|BEN|204|贝宁|Benin|africa
TG|TGO|768|多哥|Togo|africa
GH|GHA|288|加纳|Ghana|africa
CI|CIV|384|科特迪瓦|Côte d'Ivoire|africa
LR|LBR|430|利比里亚|Liberia|africa
SL|SLE|694|塞拉利昂|Sierra Leone|africa
GN|GIN|324|几内亚|Guinea|africa
GW|GNB|624|几内亚比绍|Guinea-Bissau|africa
SN|SEN|686|塞内加尔|Senegal|africa
GM|GMB|270|冈比亚|Gambia|africa
ML|MLI|466|马里|Mali|africa
BF|BFA|854|布基纳法索|Burkina Faso|africa
MR|MRT|478|毛里塔尼亚|Mauritania|africa
CV|CPV|132|佛得角|Cabo Verde|africa
ST|STP|678|圣多美和普林西比|Sao Tome and Principe|africa
AU|AUS|036|澳大利亚|Australia|oceania
NZ|NZL|554|新西兰|New Zealand|oceania
PG|PNG|598|巴布亚新几内亚|Papua New Guinea|oceania
FJ|FJI|242|斐济|Fiji|oceania
WS|WSM|882|萨摩亚|Samoa|oceania
TO|TON|776|汤加|Tonga|oceania
VU|VUT|548|瓦努阿图|Vanuatu|oceania
SB|SLB|090|所罗门群岛|Solomon Islands|oceania
KI|KIR|296|基里巴斯|Kiribati|oceania
FM|FSM|583|密克罗尼西亚联邦|Micronesia|oceania
NR|NRU|520|瑙鲁|Nauru|oceania
CK|COK|184|库克群岛|Cook Islands|oceania
NU|NIU|570|纽埃|Niue|oceania
AI|AIA|660|安圭拉|Anguilla|latin_america
AQ|ATA|010|南极洲|Antarctica|
AS|ASM|016|美属萨摩亚|American Samoa|oceania
AW|ABW|533|阿鲁巴|Aruba|latin_america
AX|ALA|248|奥兰群岛|Åland Islands|europe
BL|BLM|652|圣巴泰勒米|Saint Barthélemy|latin_america
BM|BMU|060|百慕大|Bermuda|north_america
BQ|BES|535|荷兰加勒比区|Bonaire, Sint Eustatius and Saba|latin_america
BV|BVT|074|布韦岛|Bouvet Island|
CC|CCK|166|科科斯（基林）群岛|Cocos (Keeling) Islands|oceania
CN|CHN|156|中国|China|asia
CW|CUW|531|库拉索|Curaçao|latin_america
CX|CXR|162|圣诞岛|Christmas Island|oceania
EH|ESH|732|西撒哈拉|Western Sahara|africa
FK|FLK|238|福克兰群岛（马尔维纳斯）|Falkland Islands (Malvinas)|latin_america
FO|FRO|234|法罗群岛|Faroe Islands|europe
GF|GUF|254|法属圭亚那|French Guiana|latin_america
GG|GGY|831|根西|Guernsey|europe
GI|GIB|292|直布罗陀|Gibraltar|europe
GL|GRL|304|格陵兰|Greenland|north_america
GP|GLP|312|瓜德罗普|Guadeloupe|latin_america
GS|SGS|239|南乔治亚和南桑威奇群岛|South Georgia and the South Sandwich Islands|
GU|GUM|316|关岛|Guam|oceania
HM|HMD|334|赫德岛和麦克唐纳群岛|Heard Island and McDonald Islands|
IM|IMN|833|马恩岛|Isle of Man|europe
IO|IOT|086|英属印度洋领地|British Indian Ocean Territory|
JE|JEY|832|泽西|Jersey|europe
KY|CYM|136|开曼群岛|Cayman Islands|latin_america
MF|MAF|663|法属圣马丁|Saint Martin (French part)|latin_america
MH|MHL|584|马绍尔群岛|Marshall Islands|oceania
MP|MNP|580|北马里亚纳群岛|Northern Mariana Islands|oceania
MQ|MTQ|474|马提尼克|Martinique|latin_america
MS|MSR|500|蒙特塞拉特|Montserrat|latin_america
NC|NCL|540|新喀里多尼亚|New Caledonia|oceania
NF|NFK|574|诺福克岛|Norfolk Island|oceania
PF|PYF|258|法属波利尼西亚|French Polynesia|oceania
PM|SPM|666|圣皮埃尔和密克隆|Saint Pierre and Miquelon|north_america
PN|PCN|612|皮特凯恩|Pitcairn|oceania
PR|PRI|630|波多黎各|Puerto Rico|latin_america
PW|PLW|585|帕劳|Palau|oceania
RE|REU|638|留尼汪|Réunion|africa
SH|SHN|654|圣赫勒拿、阿森松和特里斯坦-达库尼亚|Saint Helena, Ascension and Tristan da Cunha|africa
SJ|SJM|744|斯瓦尔巴和扬马延|Svalbard and Jan Mayen|europe
SX|SXM|534|荷属圣马丁|Sint Maarten (Dutch part)|latin_america
TC|TCA|796|特克斯和凯科斯群岛|Turks and Caicos Islands|latin_america
TF|ATF|260|法属南部领地|French Southern Territories|
TK|TKL|772|托克劳|Tokelau|oceania
TV|TUV|798|图瓦卢|Tuvalu|oceania
UM|UMI|581|美国本土外小岛屿|United States Minor Outlying Islands|oceania
VG|VGB|092|英属维尔京群岛|Virgin Islands (British)|latin_america
VI|VIR|850|美属维尔京群岛|Virgin Islands (U.S.)|latin_america
WF|WLF|876|瓦利斯和富图纳|Wallis and Futuna|oceania
YT|MYT|175|马约特|Mayotte|africa
"""


def group_rows() -> list[dict[str, str]]:
    """The groups as field values."""
    rows = []
    for position, line in enumerate(GROUPS.strip().splitlines()):
        code, zh_hans, zh_hant, en, kind = line.split("|")
        rows.append(
            {
                "code": code,
                "name_zh_hans": zh_hans,
                "name_zh_hant": zh_hant,
                "name_en": en,
                "kind": kind,
                "position": str(position),
            }
        )
    return rows


def country_rows() -> list[dict[str, Any]]:
    """The countries and regions as field values, with the codes of their groups."""
    from waishi.core.chinese import to_traditional

    rows = []
    for position, line in enumerate(COUNTRIES.strip().splitlines()):
        code, alpha3, numeric, zh_hans, en, groups = line.split("|")
        rows.append(
            {
                "code": code,
                "alpha3": alpha3,
                "numeric": numeric,
                "name_zh_hans": zh_hans,
                "name_zh_hant": TRADITIONAL.get(code) or to_traditional(zh_hans),
                "name_en": en,
                "position": position,
                "groups": [g for g in groups.split(",") if g],
            }
        )
    return rows


def seed(apps: Any, schema_editor: Any = None) -> None:
    """Create the groups and countries that are missing; existing rows are left as they are."""
    Group = apps.get_model("registers", "CountryGroup")
    Country = apps.get_model("registers", "Country")
    Membership = Country.groups.through
    have_groups = set(Group.objects.values_list("code", flat=True))
    Group.objects.bulk_create(
        [
            Group(**{**row, "position": int(row["position"])})
            for row in group_rows()
            if row["code"] not in have_groups
        ]
    )
    have = set(Country.objects.values_list("code", flat=True))
    new = [row for row in country_rows() if row["code"] not in have]
    Country.objects.bulk_create(
        [Country(**{k: v for k, v in row.items() if k != "groups"}) for row in new]
    )
    Membership.objects.bulk_create(
        [
            Membership(country_id=row["code"], countrygroup_id=group)
            for row in new
            for group in row["groups"]
        ]
    )


def unseed(apps: Any, schema_editor: Any = None) -> None:
    apps.get_model("registers", "Country").objects.all().delete()
    apps.get_model("registers", "CountryGroup").objects.all().delete()
