"""Zhaoqing's bureau, divisions, leaders and the agencies it serves, in three languages.

English texts are those of the bureau's own web page (bureau-website-page.txt beside this
file); the Chinese versions are the bureau's usual wording. That page's title line carries the
name of another bureau (Foreign Trade and Economic Cooperation); the bureau it describes is the
Foreign Affairs and Overseas Chinese Affairs Bureau, as its address, responsibilities and
leaders show.
"""

BUREAU = {
    "name_zh_hans": "肇庆市外事侨务局",
    "name_zh_hant": "肇慶市外事僑務局",
    "name_en": "Foreign Affairs and Overseas Chinese Affairs Bureau of Zhaoqing Municipality",
    "short_name_zh_hans": "肇庆市外事侨务局",
    "short_name_zh_hant": "肇慶市外事僑務局",
    "short_name_en": "Zhaoqing Foreign Affairs Bureau",
    "address_zh_hans": "肇庆市端州区江滨西路18号",
    "address_zh_hant": "肇慶市端州區江濱西路18號",
    "address_en": "No.18 Jiangbin West Road, Duanzhou District, Zhaoqing",
    "postcode": "526060",
    "telephone": "0758 2828903/ 2837849",
    "fax": "0758 2837791",
    "city_zh_hans": "肇庆市",
    "city_zh_hant": "肇慶市",
    "city_en": "Zhaoqing",
    "area_code": "441200",
}

# (code, Simplified name, English name as on the bureau's page, duties in Simplified, English)
DIVISIONS = [
    (
        "office",
        "办公室",
        "the office",
        "负责机关文电、会务、机要、档案、财务、人事和后勤等日常运转工作。",
        "Runs the bureau's correspondence, meetings, records, finance, personnel and logistics.",
    ),
    (
        "party-branch",
        "机关党总支",
        "General Party branch",
        "负责机关党的建设和群团工作。",
        "Party building and the work of the bureau's mass organisations.",
    ),
    (
        "discipline",
        "纪检监察",
        "discipline inspection and supervision",
        "监督外事纪律的执行，受理有关检举和投诉。",
        "Oversees observance of the discipline on foreign affairs and receives complaints.",
    ),
    (
        "external-contact",
        "对外联络科",
        "External Contact Division",
        "负责友好城市和对外交流合作，接待外国重要来访团组，指导民间对外友好交流工作。",
        "Sister cities and friendly exchanges, receiving important foreign visitors, guidance of "
        "non-governmental friendly exchanges.",
    ),
    (
        "hk-macao",
        "港澳事务科",
        "Hong Kong and Macao Affairs Division",
        "推进与港澳在经济、社会等方面的合作，组织协调与港澳的官方、半官方及重要民间交流事项。",
        "Cooperation with Hong Kong and Macao; official, semi-official and important civil "
        "exchanges with them.",
    ),
    (
        "mission-admin",
        "出国（境）管理科",
        "Division of Overseas Mission Administration",
        "审核管理全市党政机关和事业单位因公临时出国（境）任务，报批市领导出访事项。",
        "Supervises short-term official missions abroad and to Hong Kong and Macao; reports city "
        "leaders' missions to the higher authorities.",
    ),
    (
        "passport-visa",
        "护照签证科",
        "Division of Passport & Visa",
        "办理因公护照、因公往来港澳通行证及签注，集中保管因公证照，协助办理外国签证。",
        "Issues official passports and HK/Macao passes with endorsements, keeps them in central "
        "custody, assists with foreign visas.",
    ),
    (
        "service-center",
        "外事服务中心",
        "Center of Foreign Affairs Service",
        "提供外事翻译、接待保障和涉外咨询服务。",
        "Interpreting, reception support and foreign-affairs enquiries.",
    ),
    (
        "overseas-chinese",
        "侨务科",
        "Division of Overseas Chinese Affairs",
        "联系海外侨胞和港澳同胞，指导归侨侨眷工作，维护侨益，审核监督侨捐，协调荣誉市民评选。",
        "Ties with overseas Chinese and HK/Macao compatriots, returned overseas Chinese and their "
        "relatives, their rights, donations, and the Honorary Citizen award.",
    ),
]

# (Simplified name, English name, Simplified title, English title, Simplified portfolio,
#  English portfolio as on the page, division codes in charge)
LEADERS = [
    (
        "林杰",
        "Lin Jie",
        "局长",
        "Director General",
        "主持局全面工作。",
        "Overall Operation of Foreign Affairs and Overseas Chinese Affairs Bureau of Zhaoqing "
        "Municipality",
        [],
    ),
    (
        "李文坚",
        "Li Wenjian",
        "副局长",
        "Deputy Director General",
        "分管纪检监察、对外联络科、港澳事务科。",
        "discipline inspection and supervision, External Contact Division, Hong Kong and Macao "
        "Affairs Division",
        ["discipline", "external-contact", "hk-macao"],
    ),
    (
        "李新建",
        "Li Xinjian",
        "副局长",
        "Deputy Director General",
        "分管出国（境）管理科、护照签证科、外事服务中心。",
        "Division of Overseas Mission Administration, Division of Passport & Visa, Center of "
        "Foreign Affairs Service",
        ["mission-admin", "passport-visa", "service-center"],
    ),
    (
        "苏森宇",
        "Su Senyu",
        "副局长",
        "Deputy Director General",
        "分管机关党总支、侨务科。",
        "General Party branch, Division of Overseas Chinese Affairs",
        ["party-branch", "overseas-chinese"],
    ),
    (
        "覃小坚",
        "Qin Xiaojian",
        "副调研员",
        "Deputy Research Assistant",
        "协助分管办公室。",
        "the office",
        ["office"],
    ),
]

# (code, kind, Simplified name, English name)
MUNICIPAL = [
    ("drc", "municipal_agency", "肇庆市发展和改革局", "Zhaoqing Development and Reform Bureau"),
    ("education", "municipal_agency", "肇庆市教育局", "Zhaoqing Education Bureau"),
    ("science", "municipal_agency", "肇庆市科学技术局", "Zhaoqing Science and Technology Bureau"),
    (
        "industry",
        "municipal_agency",
        "肇庆市工业和信息化局",
        "Zhaoqing Industry and Information Technology Bureau",
    ),
    ("public-security", "municipal_agency", "肇庆市公安局", "Zhaoqing Public Security Bureau"),
    ("civil-affairs", "municipal_agency", "肇庆市民政局", "Zhaoqing Civil Affairs Bureau"),
    ("justice", "municipal_agency", "肇庆市司法局", "Zhaoqing Justice Bureau"),
    ("finance", "municipal_agency", "肇庆市财政局", "Zhaoqing Finance Bureau"),
    (
        "hrss",
        "municipal_agency",
        "肇庆市人力资源和社会保障局",
        "Zhaoqing Human Resources and Social Security Bureau",
    ),
    (
        "natural-resources",
        "municipal_agency",
        "肇庆市自然资源局",
        "Zhaoqing Natural Resources Bureau",
    ),
    ("ecology", "municipal_agency", "肇庆市生态环境局", "Zhaoqing Ecology and Environment Bureau"),
    (
        "housing",
        "municipal_agency",
        "肇庆市住房和城乡建设局",
        "Zhaoqing Housing and Urban-Rural Development Bureau",
    ),
    ("transport", "municipal_agency", "肇庆市交通运输局", "Zhaoqing Transport Bureau"),
    (
        "agriculture",
        "municipal_agency",
        "肇庆市农业农村局",
        "Zhaoqing Agriculture and Rural Affairs Bureau",
    ),
    ("commerce", "municipal_agency", "肇庆市商务局", "Zhaoqing Commerce Bureau"),
    (
        "culture-tourism",
        "municipal_agency",
        "肇庆市文化广电旅游体育局",
        "Zhaoqing Culture, Radio, Television, Tourism and Sports Bureau",
    ),
    ("health", "municipal_agency", "肇庆市卫生健康局", "Zhaoqing Health Bureau"),
    ("audit-office", "municipal_agency", "肇庆市审计局", "Zhaoqing Audit Bureau"),
    (
        "market-regulation",
        "municipal_agency",
        "肇庆市市场监督管理局",
        "Zhaoqing Market Regulation Bureau",
    ),
    ("investment", "municipal_agency", "肇庆市投资促进局", "Zhaoqing Investment Promotion Bureau"),
    ("zqu", "public_institution", "肇庆学院", "Zhaoqing University"),
    ("zq-medical", "public_institution", "肇庆医学院", "Zhaoqing Medical College"),
    (
        "first-hospital",
        "public_institution",
        "肇庆市第一人民医院",
        "Zhaoqing First People's Hospital",
    ),
    (
        "hi-tech-zone",
        "public_institution",
        "肇庆高新技术产业开发区管理委员会",
        "Zhaoqing High-tech Industrial Development Zone Administrative Committee",
    ),
    (
        "federation-returned",
        "peoples_organisation",
        "肇庆市归国华侨联合会",
        "Zhaoqing Federation of Returned Overseas Chinese",
    ),
    (
        "friendship-association",
        "peoples_organisation",
        "肇庆市人民对外友好协会",
        "Zhaoqing People's Association for Friendship with Foreign Countries",
    ),
    (
        "ccpit",
        "peoples_organisation",
        "中国国际贸易促进委员会肇庆市委员会",
        "China Council for the Promotion of International Trade, Zhaoqing",
    ),
    ("trade-union", "peoples_organisation", "肇庆市总工会", "Zhaoqing Federation of Trade Unions"),
]

# (code, Simplified name, English name, FAO Simplified name, FAO English name)
COUNTIES = [
    (
        "duanzhou",
        "端州区人民政府",
        "Duanzhou District Government",
        "端州区外事侨务局",
        "Duanzhou District Foreign Affairs Office",
    ),
    (
        "dinghu",
        "鼎湖区人民政府",
        "Dinghu District Government",
        "鼎湖区外事侨务局",
        "Dinghu District Foreign Affairs Office",
    ),
    (
        "gaoyao",
        "高要区人民政府",
        "Gaoyao District Government",
        "高要区外事侨务局",
        "Gaoyao District Foreign Affairs Office",
    ),
    (
        "sihui",
        "四会市人民政府",
        "Sihui City Government",
        "四会市外事侨务局",
        "Sihui City Foreign Affairs Office",
    ),
    (
        "guangning",
        "广宁县人民政府",
        "Guangning County Government",
        "广宁县外事侨务局",
        "Guangning County Foreign Affairs Office",
    ),
    (
        "huaiji",
        "怀集县人民政府",
        "Huaiji County Government",
        "怀集县外事侨务局",
        "Huaiji County Foreign Affairs Office",
    ),
    (
        "fengkai",
        "封开县人民政府",
        "Fengkai County Government",
        "封开县外事侨务局",
        "Fengkai County Foreign Affairs Office",
    ),
    (
        "deqing",
        "德庆县人民政府",
        "Deqing County Government",
        "德庆县外事侨务局",
        "Deqing County Foreign Affairs Office",
    ),
]
