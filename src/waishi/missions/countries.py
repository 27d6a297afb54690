"""Countries and regions a delegation may visit: ISO 3166 code, names and world region.

Names are kept here in Simplified Chinese and English (Traditional follows by conversion)
because they are reference data, not interface text. Hong Kong and Macao are listed as
regions: missions there follow the same rules.
"""

from dataclasses import dataclass
from functools import cache

from django.utils import translation

from waishi.core.chinese import to_traditional

from .constants import Region

# code|Simplified Chinese|English|region
_TABLE = """
HK|中国香港|Hong Kong, China|asia
MO|中国澳门|Macao, China|asia
JP|日本|Japan|asia
KR|韩国|Republic of Korea|asia
KP|朝鲜|Democratic People's Republic of Korea|asia
MN|蒙古国|Mongolia|asia
VN|越南|Viet Nam|asia
LA|老挝|Lao People's Democratic Republic|asia
KH|柬埔寨|Cambodia|asia
TH|泰国|Thailand|asia
MM|缅甸|Myanmar|asia
MY|马来西亚|Malaysia|asia
SG|新加坡|Singapore|asia
ID|印度尼西亚|Indonesia|asia
PH|菲律宾|Philippines|asia
BN|文莱|Brunei Darussalam|asia
TL|东帝汶|Timor-Leste|asia
IN|印度|India|asia
PK|巴基斯坦|Pakistan|asia
BD|孟加拉国|Bangladesh|asia
LK|斯里兰卡|Sri Lanka|asia
NP|尼泊尔|Nepal|asia
BT|不丹|Bhutan|asia
MV|马尔代夫|Maldives|asia
AF|阿富汗|Afghanistan|asia
KZ|哈萨克斯坦|Kazakhstan|asia
UZ|乌兹别克斯坦|Uzbekistan|asia
KG|吉尔吉斯斯坦|Kyrgyzstan|asia
TJ|塔吉克斯坦|Tajikistan|asia
TM|土库曼斯坦|Turkmenistan|asia
IR|伊朗|Iran|asia
IQ|伊拉克|Iraq|asia
SA|沙特阿拉伯|Saudi Arabia|asia
AE|阿拉伯联合酋长国|United Arab Emirates|asia
QA|卡塔尔|Qatar|asia
KW|科威特|Kuwait|asia
BH|巴林|Bahrain|asia
OM|阿曼|Oman|asia
YE|也门|Yemen|asia
JO|约旦|Jordan|asia
SY|叙利亚|Syria|asia
LB|黎巴嫩|Lebanon|asia
IL|以色列|Israel|asia
PS|巴勒斯坦|Palestine|asia
TR|土耳其|Türkiye|asia
GE|格鲁吉亚|Georgia|asia
AM|亚美尼亚|Armenia|asia
AZ|阿塞拜疆|Azerbaijan|asia
CY|塞浦路斯|Cyprus|asia
GB|英国|United Kingdom|europe
IE|爱尔兰|Ireland|europe
FR|法国|France|europe
DE|德国|Germany|europe
IT|意大利|Italy|europe
ES|西班牙|Spain|europe
PT|葡萄牙|Portugal|europe
NL|荷兰|Netherlands|europe
BE|比利时|Belgium|europe
LU|卢森堡|Luxembourg|europe
CH|瑞士|Switzerland|europe
AT|奥地利|Austria|europe
LI|列支敦士登|Liechtenstein|europe
MC|摩纳哥|Monaco|europe
DK|丹麦|Denmark|europe
SE|瑞典|Sweden|europe
NO|挪威|Norway|europe
FI|芬兰|Finland|europe
IS|冰岛|Iceland|europe
PL|波兰|Poland|europe
CZ|捷克|Czechia|europe
SK|斯洛伐克|Slovakia|europe
HU|匈牙利|Hungary|europe
RO|罗马尼亚|Romania|europe
BG|保加利亚|Bulgaria|europe
GR|希腊|Greece|europe
MT|马耳他|Malta|europe
SI|斯洛文尼亚|Slovenia|europe
HR|克罗地亚|Croatia|europe
RS|塞尔维亚|Serbia|europe
BA|波斯尼亚和黑塞哥维那|Bosnia and Herzegovina|europe
ME|黑山|Montenegro|europe
MK|北马其顿|North Macedonia|europe
AL|阿尔巴尼亚|Albania|europe
EE|爱沙尼亚|Estonia|europe
LV|拉脱维亚|Latvia|europe
LT|立陶宛|Lithuania|europe
BY|白俄罗斯|Belarus|europe
UA|乌克兰|Ukraine|europe
MD|摩尔多瓦|Moldova|europe
RU|俄罗斯|Russian Federation|europe
VA|梵蒂冈|Holy See|europe
SM|圣马力诺|San Marino|europe
AD|安道尔|Andorra|europe
US|美国|United States|north_america
CA|加拿大|Canada|north_america
MX|墨西哥|Mexico|latin_america
GT|危地马拉|Guatemala|latin_america
BZ|伯利兹|Belize|latin_america
SV|萨尔瓦多|El Salvador|latin_america
HN|洪都拉斯|Honduras|latin_america
NI|尼加拉瓜|Nicaragua|latin_america
CR|哥斯达黎加|Costa Rica|latin_america
PA|巴拿马|Panama|latin_america
CU|古巴|Cuba|latin_america
JM|牙买加|Jamaica|latin_america
HT|海地|Haiti|latin_america
DO|多米尼加|Dominican Republic|latin_america
BS|巴哈马|Bahamas|latin_america
BB|巴巴多斯|Barbados|latin_america
TT|特立尼达和多巴哥|Trinidad and Tobago|latin_america
DM|多米尼克|Dominica|latin_america
GD|格林纳达|Grenada|latin_america
AG|安提瓜和巴布达|Antigua and Barbuda|latin_america
LC|圣卢西亚|Saint Lucia|latin_america
VC|圣文森特和格林纳丁斯|Saint Vincent and the Grenadines|latin_america
KN|圣基茨和尼维斯|Saint Kitts and Nevis|latin_america
CO|哥伦比亚|Colombia|latin_america
VE|委内瑞拉|Venezuela|latin_america
GY|圭亚那|Guyana|latin_america
SR|苏里南|Suriname|latin_america
EC|厄瓜多尔|Ecuador|latin_america
PE|秘鲁|Peru|latin_america
BO|玻利维亚|Bolivia|latin_america
BR|巴西|Brazil|latin_america
PY|巴拉圭|Paraguay|latin_america
UY|乌拉圭|Uruguay|latin_america
AR|阿根廷|Argentina|latin_america
CL|智利|Chile|latin_america
EG|埃及|Egypt|africa
LY|利比亚|Libya|africa
TN|突尼斯|Tunisia|africa
DZ|阿尔及利亚|Algeria|africa
MA|摩洛哥|Morocco|africa
SD|苏丹|Sudan|africa
SS|南苏丹|South Sudan|africa
ET|埃塞俄比亚|Ethiopia|africa
ER|厄立特里亚|Eritrea|africa
DJ|吉布提|Djibouti|africa
SO|索马里|Somalia|africa
KE|肯尼亚|Kenya|africa
UG|乌干达|Uganda|africa
RW|卢旺达|Rwanda|africa
BI|布隆迪|Burundi|africa
TZ|坦桑尼亚|Tanzania|africa
SC|塞舌尔|Seychelles|africa
MU|毛里求斯|Mauritius|africa
MG|马达加斯加|Madagascar|africa
KM|科摩罗|Comoros|africa
MZ|莫桑比克|Mozambique|africa
MW|马拉维|Malawi|africa
ZM|赞比亚|Zambia|africa
ZW|津巴布韦|Zimbabwe|africa
BW|博茨瓦纳|Botswana|africa
NA|纳米比亚|Namibia|africa
ZA|南非|South Africa|africa
LS|莱索托|Lesotho|africa
SZ|斯威士兰|Eswatini|africa
AO|安哥拉|Angola|africa
CD|刚果（金）|Democratic Republic of the Congo|africa
CG|刚果（布）|Congo|africa
GA|加蓬|Gabon|africa
GQ|赤道几内亚|Equatorial Guinea|africa
CM|喀麦隆|Cameroon|africa
CF|中非|Central African Republic|africa
TD|乍得|Chad|africa
NE|尼日尔|Niger|africa
NG|尼日利亚|Nigeria|africa
BJ|贝宁|Benin|africa
TG|多哥|Togo|africa
GH|加纳|Ghana|africa
CI|科特迪瓦|Côte d'Ivoire|africa
LR|利比里亚|Liberia|africa
SL|塞拉利昂|Sierra Leone|africa
GN|几内亚|Guinea|africa
GW|几内亚比绍|Guinea-Bissau|africa
SN|塞内加尔|Senegal|africa
GM|冈比亚|Gambia|africa
ML|马里|Mali|africa
BF|布基纳法索|Burkina Faso|africa
MR|毛里塔尼亚|Mauritania|africa
CV|佛得角|Cabo Verde|africa
ST|圣多美和普林西比|Sao Tome and Principe|africa
AU|澳大利亚|Australia|oceania
NZ|新西兰|New Zealand|oceania
PG|巴布亚新几内亚|Papua New Guinea|oceania
FJ|斐济|Fiji|oceania
WS|萨摩亚|Samoa|oceania
TO|汤加|Tonga|oceania
VU|瓦努阿图|Vanuatu|oceania
SB|所罗门群岛|Solomon Islands|oceania
KI|基里巴斯|Kiribati|oceania
FM|密克罗尼西亚联邦|Micronesia|oceania
NR|瑙鲁|Nauru|oceania
CK|库克群岛|Cook Islands|oceania
NU|纽埃|Niue|oceania
"""


@dataclass(frozen=True)
class Country:
    code: str
    name_zh_hans: str
    name_en: str
    region: str

    @property
    def name(self) -> str:
        """The name in the active language."""
        language = (translation.get_language() or "zh-hans").lower()
        if language == "en":
            return self.name_en
        if language == "zh-hant":
            return to_traditional(self.name_zh_hans)
        return self.name_zh_hans


@cache
def countries() -> dict[str, Country]:
    """Every country and region by ISO code, in the table's order."""
    table: dict[str, Country] = {}
    for line in _TABLE.strip().splitlines():
        code, zh, en, region = line.split("|")
        table[code] = Country(code=code, name_zh_hans=zh, name_en=en, region=region)
    return table


def country(code: str) -> Country | None:
    return countries().get(code.upper())


def country_name(code: str) -> str:
    """The country's name in the active language, or the code itself when unknown."""
    found = country(code)
    return found.name if found else code


def region_of(code: str) -> str:
    found = country(code)
    return found.region if found else ""


def country_choices() -> list[tuple[str, str]]:
    """Choices for a form field, in the active language."""
    return [(c.code, f"{c.name} ({c.code})") for c in countries().values()]


# Regions whose poor flight connections earn a delegation extra days (see the days rule).
EXTRA_DAY_REGIONS = frozenset({Region.AFRICA, Region.LATIN_AMERICA})
