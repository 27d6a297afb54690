"""The tables the demo history is made from: filing agencies, kinds of trips, money, texts."""

from dataclasses import dataclass

SOURCE = "演示数据 demo"

# (agency code, weight in the number of missions, themes of its trips, post of its head)
FILERS: list[tuple[str, int, tuple[str, ...], str]] = [
    ("drc", 12, ("trade", "city"), "局长"),
    ("science", 10, ("tech", "education"), "局长"),
    ("industry", 12, ("tech", "trade"), "局长"),
    ("public-security", 4, ("police",), "局长"),
    ("civil-affairs", 4, ("city",), "局长"),
    ("justice", 3, ("police",), "局长"),
    ("finance", 3, ("city",), "局长"),
    ("hrss", 6, ("labour",), "局长"),
    ("natural-resources", 5, ("environment",), "局长"),
    ("ecology", 6, ("environment",), "局长"),
    ("housing", 6, ("city",), "局长"),
    ("transport", 6, ("city", "trade"), "局长"),
    ("agriculture", 10, ("agriculture",), "局长"),
    ("culture-tourism", 14, ("culture",), "局长"),
    ("health", 10, ("health",), "主任"),
    ("audit-office", 2, ("city",), "局长"),
    ("market-regulation", 5, ("trade",), "局长"),
    ("investment", 22, ("trade", "investment"), "局长"),
    ("zqu", 18, ("education",), "校长"),
    ("zq-medical", 10, ("health", "education"), "院长"),
    ("first-hospital", 8, ("health",), "院长"),
    ("hi-tech-zone", 16, ("investment", "tech"), "主任"),
    ("federation-returned", 12, ("overseas",), "主席"),
    ("friendship-association", 12, ("friendship", "culture"), "会长"),
    ("ccpit", 16, ("trade", "investment"), "会长"),
    ("trade-union", 4, ("labour",), "主席"),
    ("duanzhou", 6, ("investment", "overseas"), "区长"),
    ("dinghu", 6, ("culture", "investment"), "区长"),
    ("gaoyao", 6, ("investment", "agriculture"), "区长"),
    ("sihui", 8, ("investment", "trade"), "市长"),
    ("guangning", 4, ("agriculture",), "县长"),
    ("huaiji", 4, ("agriculture", "overseas"), "县长"),
    ("fengkai", 3, ("agriculture",), "县长"),
    ("deqing", 4, ("culture", "agriculture"), "县长"),
]

# How many missions end in each state (the three of the education bureau come on top).
STATES: dict[str, int] = {
    "closed": 175,
    "report_submitted": 10,
    "back_home": 8,
    "departed": 5,
    "approved": 18,
    "change_requested": 2,
    "leader_approval": 8,
    "referred_to_province": 3,
    "division_review": 9,
    "resubmitted": 3,
    "submitted": 9,
    "returned": 6,
    "draft": 18,
    "rejected": 12,
    "withdrawn": 12,
}


@dataclass(frozen=True)
class Trip:
    """A kind of trip: its stops (country, city), purpose, tasks and the inviting body."""

    theme: str
    stops: tuple[tuple[str, str], ...]
    purpose: str
    tasks: str
    inviter: str


TRIPS = [
    Trip(
        "trade",
        (("DE", "Hamburg"), ("NL", "Rotterdam")),
        "开展经贸合作洽谈",
        "会见商会及港口企业，推介肇庆投资环境",
        "Handelskammer Hamburg",
    ),
    Trip(
        "trade",
        (("AE", "Dubai"),),
        "参加中东国际贸易博览会",
        "组织企业参展并举办经贸对接会",
        "Dubai Chamber of Commerce and Industry",
    ),
    Trip(
        "trade",
        (("HK", "香港"),),
        "出席粤港经贸合作交流会",
        "拜会香港贸易发展局，举办经贸推介会",
        "香港贸易发展局",
    ),
    Trip(
        "trade",
        (("VN", "Ho Chi Minh City"), ("TH", "Bangkok")),
        "开展东盟经贸交流",
        "出席经贸洽谈会，走访当地工业园区",
        "Vietnam Chamber of Commerce and Industry",
    ),
    Trip(
        "investment",
        (("SG", "Singapore"), ("MY", "Kuala Lumpur")),
        "开展招商引资推介",
        "举办投资推介会，拜访重点企业",
        "Enterprise Singapore",
    ),
    Trip(
        "investment",
        (("JP", "Osaka"),),
        "开展对日招商推介",
        "拜会关西经济团体，洽谈项目合作",
        "Osaka Chamber of Commerce and Industry",
    ),
    Trip(
        "investment",
        (("MO", "澳门"), ("HK", "香港")),
        "开展港澳招商推介",
        "出席粤港澳大湾区合作推介会，拜访港澳企业",
        "澳门贸易投资促进局",
    ),
    Trip(
        "investment",
        (("KR", "Seoul"),),
        "开展对韩招商推介",
        "拜访韩国企业总部，洽谈新能源项目",
        "Korea Trade-Investment Promotion Agency",
    ),
    Trip(
        "tech",
        (("DE", "Munich"),),
        "考察先进制造与科技创新",
        "考察工业 4.0 示范企业，商谈技术合作",
        "Bayerisches Staatsministerium für Wirtschaft",
    ),
    Trip(
        "tech",
        (("JP", "Tokyo"),),
        "考察新能源汽车产业",
        "走访汽车零部件企业及研究机构",
        "Japan External Trade Organization",
    ),
    Trip(
        "tech",
        (("IL", "Tel Aviv"),),
        "考察科技创新与成果转化",
        "访问孵化器和高校技术转移机构",
        "Israel Innovation Authority",
    ),
    Trip(
        "city",
        (("SG", "Singapore"),),
        "参加城市治理专题研修",
        "学习城市规划与公共管理经验",
        "Civil Service College Singapore",
    ),
    Trip(
        "city",
        (("GB", "London"), ("FR", "Paris")),
        "考察城市更新与公共服务",
        "会见地方政府部门，考察城市更新项目",
        "London & Partners",
    ),
    Trip(
        "environment",
        (("NL", "Amsterdam"), ("DE", "Berlin")),
        "考察生态环境保护与水环境治理",
        "考察流域治理和污水处理设施",
        "Rijkswaterstaat",
    ),
    Trip(
        "environment",
        (("JP", "Kitakyushu"),),
        "考察循环经济与环境治理",
        "考察环保产业园，商谈技术交流",
        "City of Kitakyushu",
    ),
    Trip(
        "agriculture",
        (("NL", "Amsterdam"),),
        "考察现代农业与花卉产业",
        "考察设施农业和花卉拍卖市场",
        "Wageningen University & Research",
    ),
    Trip(
        "agriculture",
        (("AU", "Melbourne"), ("NZ", "Auckland")),
        "考察农业合作与农产品贸易",
        "考察农场与农产品加工企业，推介肇庆农产品",
        "Agriculture Victoria",
    ),
    Trip(
        "agriculture",
        (("TH", "Bangkok"),),
        "开展热带农业合作交流",
        "参观农业科研机构，洽谈农产品进出口",
        "Department of Agriculture Thailand",
    ),
    Trip(
        "culture",
        (("FR", "Paris"), ("IT", "Milan")),
        "开展文化旅游交流推广",
        "举办肇庆文化旅游推介会，参加国际旅游展",
        "Atout France",
    ),
    Trip(
        "culture",
        (("MO", "澳门"),),
        "出席港澳文化旅游交流活动",
        "举办端砚文化展，推广肇庆旅游线路",
        "澳门特别行政区政府旅游局",
    ),
    Trip(
        "culture",
        (("JP", "Tokyo"), ("KR", "Seoul")),
        "开展文化交流与旅游推介",
        "参加国际旅游博览会，会见友好团体",
        "Japan National Tourism Organization",
    ),
    Trip(
        "health",
        (("CH", "Geneva"),),
        "参加世界卫生组织专题研讨",
        "出席研讨会，交流基层卫生服务经验",
        "World Health Organization",
    ),
    Trip(
        "health",
        (("HK", "香港"),),
        "开展粤港医疗卫生合作交流",
        "考察公立医院管理与医疗人才培养",
        "香港医院管理局",
    ),
    Trip(
        "health",
        (("US", "Boston"),),
        "开展医学科研合作交流",
        "访问医学院和研究医院，商谈人才培养",
        "Boston University School of Medicine",
    ),
    Trip(
        "education",
        (("GB", "Manchester"),),
        "开展高校合作交流",
        "商谈联合培养项目，签署合作备忘录",
        "University of Manchester",
    ),
    Trip(
        "education",
        (("AU", "Sydney"),),
        "开展国际学生招收与学术交流",
        "访问合作院校，参加国际教育展",
        "Western Sydney University",
    ),
    Trip(
        "education",
        (("US", "San Francisco"), ("CA", "Vancouver")),
        "参加学术会议并开展校际交流",
        "出席国际学术会议，访问合作大学",
        "San Francisco State University",
    ),
    Trip(
        "education",
        (("MY", "Kuala Lumpur"),),
        "开展华文教育与校际交流",
        "访问华文独立中学和大学，商谈交换生项目",
        "University of Malaya",
    ),
    Trip(
        "overseas",
        (("MY", "Kuala Lumpur"), ("SG", "Singapore")),
        "开展侨务联谊活动",
        "走访肇庆籍社团，出席恳亲大会",
        "Federation of Kwangtung Associations Malaysia",
    ),
    Trip(
        "overseas",
        (("CA", "Vancouver"),),
        "开展海外联谊与侨务交流",
        "拜访侨团侨领，宣讲家乡发展情况",
        "City of Vancouver",
    ),
    Trip(
        "overseas",
        (("HK", "香港"),),
        "出席香港肇庆同乡社团活动",
        "出席社团庆典，联络乡亲",
        "香港特别行政区政府民政事务总署",
    ),
    Trip(
        "friendship",
        (("FR", "Lyon"),),
        "出席友好城市交流活动",
        "会见友好城市官员，商谈年度交流计划",
        "Métropole de Lyon",
    ),
    Trip(
        "friendship",
        (("BR", "São Paulo"),),
        "开展友好交流与经贸合作",
        "会见州政府官员，出席经贸交流会",
        "Governo do Estado de São Paulo",
    ),
    Trip(
        "friendship",
        (("ZA", "Johannesburg"),),
        "开展友好城市交流",
        "会见市政府官员，考察职业培训机构",
        "City of Johannesburg",
    ),
    Trip(
        "labour",
        (("DE", "Berlin"),),
        "考察职业技能培训与就业服务",
        "考察双元制培训机构和就业服务中心",
        "Bundesagentur für Arbeit",
    ),
    Trip(
        "labour",
        (("SG", "Singapore"),),
        "考察技能人才培养",
        "考察技能培训中心，交流人才政策",
        "SkillsFuture Singapore",
    ),
    Trip(
        "police",
        (("HK", "香港"),),
        "开展警务合作交流",
        "会见香港警务处，交流打击跨境犯罪经验",
        "香港警务处",
    ),
    Trip(
        "police",
        (("MO", "澳门"),),
        "开展警务与司法合作交流",
        "会见澳门司法警察局，交流合作机制",
        "澳门司法警察局",
    ),
]

# Currencies of the per-day caps, and the demo's rates to RMB.
CURRENCIES = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "DE": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "NL": "EUR",
    "CH": "CHF",
    "JP": "JPY",
    "KR": "KRW",
    "SG": "SGD",
    "MY": "MYR",
    "TH": "THB",
    "VN": "USD",
    "AU": "AUD",
    "NZ": "NZD",
    "AE": "USD",
    "IL": "USD",
    "BR": "USD",
    "ZA": "USD",
    "HK": "HKD",
    "MO": "MOP",
}
RATES = {
    "USD": "7.20",
    "CAD": "5.30",
    "GBP": "9.10",
    "EUR": "7.80",
    "CHF": "8.10",
    "JPY": "0.049",
    "KRW": "0.0053",
    "SGD": "5.35",
    "MYR": "1.55",
    "THB": "0.20",
    "AUD": "4.75",
    "NZD": "4.35",
    "HKD": "0.92",
    "MOP": "0.89",
}
# International fares per person, in RMB, by world region (Hong Kong and Macao by road).
FARES = {
    "asia": 4200,
    "europe": 9500,
    "north_america": 11500,
    "oceania": 8500,
    "latin_america": 16500,
    "africa": 12500,
    "near": 400,
}


RETURNS = [
    "请补充邀请函的中文译文及邀请方联系人。",
    "请核实在外日程，压缩非公务活动安排。",
    "请补充经费预算明细及资金来源说明。",
    "请说明与年度出访计划不一致的原因。",
]
REJECTIONS = [
    "出访任务不够明确，实质性公务活动安排不足，不予批准。",
    "本年度该单位出访计划已执行完毕，暂缓安排。",
    "邀请单位与出访任务关联不紧密，不予批准。",
]
WITHDRAWALS = ["因邀请方日程调整，取消本次出访。", "因工作安排冲突，撤回申请。"]
ACCEPTED = "经科室审核，情况属实，同意按规定办理。"


ACTIVITIES = [
    "会见邀请方负责人",
    "座谈交流",
    "参观考察",
    "出席推介活动",
    "商谈合作事项",
    "签署合作备忘录",
]
