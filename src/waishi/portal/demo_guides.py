"""The demo service guides (办事指南), in Simplified Chinese and English.

Each guide follows the standard form: legal basis, who may apply, conditions, materials,
procedure, time limit, fees, where and when, contact.
"""

from typing import Any

WHERE_ZH = "肇庆市外事侨务局（端州区江滨西路18号），工作日上午8:30—12:00，下午14:30—17:30"
WHERE_EN = (
    "Foreign Affairs and Overseas Chinese Affairs Bureau, No.18 Jiangbin West Road, Duanzhou "
    "District; working days 8:30–12:00 and 14:30–17:30"
)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


GUIDES: list[dict[str, Any]] = [
    {
        "slug": "official-missions-abroad",
        "zh": {
            "title": "因公临时出国（境）任务审批",
            "search_description": "党政机关、事业单位人员因公临时出国（境）任务的审核与审批。",
            "legal_basis": ul(
                "《关于进一步加强因公临时出国管理的若干规定》",
                "《因公临时出国经费管理办法》",
                "广东省因公临时出国（境）管理有关规定",
            ),
            "applicants": (
                "<p>本市党政机关、人民团体、事业单位和国有企业，由本单位外事专办员申报。</p>"
            ),
            "conditions": ul(
                "有实质性公务内容和明确的出访任务，邀请方为对口的外方机构；",
                "团组人数不超过6人（含翻译）；",
                "出访国家（地区）不超过3个，在外天数符合规定：1国不超过5天，2国不超过8天，"
                "3国不超过10天（往返当天计入）；",
                "已列入本单位年度因公临时出国计划；",
                "出访前已在本单位内部公示不少于5个工作日。",
            ),
            "materials": ul(
                "因公临时出国（境）任务申请表；",
                "邀请函原件及中文译文；",
                "逐日出访日程安排；",
                "团组人员名单及近两年出访情况；",
                "经费预算及资金来源说明；",
                "单位内部公示情况说明。",
            ),
            "procedure": ol(
                "单位外事专办员在单位工作台在线填报；",
                "单位负责人确认；",
                "我局出国管理科审核；",
                "局领导审批，出具任务批件；",
                "市领导带队的团组由我局报省外办审批。",
            ),
            "time_limit": "材料齐全后10个工作日内办结（须报省外办审批的除外）",
            "fees": "不收费",
            "contact": "出国管理科 0758 2828903",
        },
        "en": {
            "title": "Approval of short-term official missions abroad",
            "search_description": "Review and approval of short-term official missions abroad "
            "or to Hong Kong and Macao.",
            "legal_basis": ul(
                "Provisions on Further Strengthening the Management of Short-term Official "
                "Missions Abroad",
                "Measures on the Funding of Short-term Official Missions Abroad",
                "Guangdong provincial rules on short-term official missions abroad",
            ),
            "applicants": "<p>Municipal agencies, people's organisations, public institutions "
            "and state-owned enterprises, through their foreign-affairs liaison officer.</p>",
            "conditions": ul(
                "A substantive official task and an invitation from a counterpart body abroad;",
                "at most 6 members, the interpreter included;",
                "at most 3 countries or regions; at most 5 days for one country, 8 for two and "
                "10 for three, travel days included;",
                "the mission is in the agency's annual plan;",
                "it has been disclosed inside the agency for at least 5 working days.",
            ),
            "materials": ul(
                "Application form;",
                "the invitation letter and its Chinese translation;",
                "the day-by-day itinerary;",
                "the list of members and their travel in the last two years;",
                "the budget and source of funds;",
                "the record of disclosure inside the agency.",
            ),
            "procedure": ol(
                "The liaison officer files online in the agency workspace;",
                "the agency's signatory confirms;",
                "the Division of Overseas Mission Administration reviews;",
                "a bureau leader approves and the approval document is issued;",
                "missions led by a city leader are referred to the provincial foreign affairs "
                "office.",
            ),
            "time_limit": "10 working days from complete materials (missions referred to the "
            "province excepted)",
            "fees": "Free of charge",
            "contact": "Division of Overseas Mission Administration, 0758 2828903",
        },
    },
    {
        "slug": "official-passports",
        "zh": {
            "title": "因公护照办理",
            "search_description": "凭任务批件申办公务护照、因公普通护照。",
            "legal_basis": ul("《中华人民共和国护照法》", "因公护照管理有关规定"),
            "applicants": "<p>经批准执行因公临时出国任务的团组成员。</p>",
            "conditions": ul(
                "出访任务已获批准并取得任务批件；",
                "持有的有效因公护照无法使用的，应交回注销后申办新护照。",
            ),
            "materials": ul(
                "任务批件原件；",
                "因公护照申请表；",
                "近期免冠彩色证件照片；",
                "居民身份证复印件。",
            ),
            "procedure": ol(
                "单位外事专办员在单位工作台提交申请；",
                "我局护照签证科审核材料；",
                "签发护照，通知单位领取；",
                "回国后7天内将护照交回我局集中保管。",
            ),
            "time_limit": "材料齐全后5个工作日内签发",
            "fees": "按国家规定标准收取",
            "contact": "护照签证科 0758 2837849",
        },
        "en": {
            "title": "Official passports",
            "search_description": "Service Passports and Passports for Public Affairs for an "
            "approved mission.",
            "legal_basis": ul(
                "Passport Law of the People's Republic of China",
                "Rules on the management of official passports",
            ),
            "applicants": "<p>Members of an approved short-term official mission.</p>",
            "conditions": ul(
                "The mission has been approved and its approval document issued;",
                "a valid official passport that cannot be used is surrendered for cancellation.",
            ),
            "materials": ul(
                "The original mission approval document;",
                "the passport application form;",
                "a recent colour photograph;",
                "a copy of the resident identity card.",
            ),
            "procedure": ol(
                "The liaison officer applies in the agency workspace;",
                "the Division of Passport & Visa checks the materials;",
                "the passport is issued and the agency told to collect it;",
                "it is returned to central custody within 7 days of coming back.",
            ),
            "time_limit": "Within 5 working days of complete materials",
            "fees": "At the rates set by the state",
            "contact": "Division of Passport & Visa, 0758 2837849",
        },
    },
    {
        "slug": "hong-kong-macao-pass",
        "zh": {
            "title": "因公往来港澳通行证及签注办理",
            "search_description": "因公赴香港、澳门执行公务所需通行证及签注的办理。",
            "legal_basis": ul("因公赴港澳管理有关规定"),
            "applicants": "<p>经批准因公赴香港、澳门的人员。</p>",
            "conditions": ul(
                "赴港澳任务已获批准；",
                "签注种类包括3个月一次、二次、多次，半年或一年多次，每次停留不超过30天。",
            ),
            "materials": ul("任务批件原件；", "通行证及签注申请表；", "近期免冠彩色证件照片。"),
            "procedure": ol(
                "单位外事专办员在单位工作台提交申请；",
                "我局护照签证科审核；",
                "签发通行证或加注签注；",
                "返回后7天内交回集中保管。",
            ),
            "time_limit": "材料齐全后5个工作日内办结",
            "fees": "按国家规定标准收取",
            "contact": "护照签证科 0758 2837849",
        },
        "en": {
            "title": "Official passes to Hong Kong and Macao and endorsements",
            "search_description": "The official pass and its endorsements for official visits "
            "to Hong Kong and Macao.",
            "legal_basis": ul("Rules on official visits to Hong Kong and Macao"),
            "applicants": "<p>People approved to visit Hong Kong or Macao on official "
            "business.</p>",
            "conditions": ul(
                "The visit has been approved;",
                "endorsements: 3-month single, double or multiple entry, half-year or one-year "
                "multiple entry; each stay at most 30 days.",
            ),
            "materials": ul(
                "The original approval document;",
                "the application form;",
                "a recent colour photograph.",
            ),
            "procedure": ol(
                "The liaison officer applies in the agency workspace;",
                "the Division of Passport & Visa checks the materials;",
                "the pass or endorsement is issued;",
                "it is returned to central custody within 7 days of coming back.",
            ),
            "time_limit": "Within 5 working days of complete materials",
            "fees": "At the rates set by the state",
            "contact": "Division of Passport & Visa, 0758 2837849",
        },
    },
    {
        "slug": "visa-notes",
        "zh": {
            "title": "外国签证照会办理",
            "search_description": "因公出国人员申办外国签证所需照会的办理。",
            "legal_basis": ul("因公出国签证办理有关规定"),
            "applicants": "<p>持因公护照执行已批准出访任务的人员，由所在单位统一申请。</p>",
            "conditions": ul(
                "出访任务已获批准，护照有效期在行程结束时不少于6个月；",
                "各单位不得自行联系外国驻华使领馆办理签证。",
            ),
            "materials": ul(
                "因公护照；",
                "目的国签证申请表及照片；",
                "邀请函及中文译文；",
                "任务批件复印件。",
            ),
            "procedure": ol(
                "单位外事专办员在单位工作台提交申请；",
                "我局出具照会，经省外办送外国驻华使领馆；",
                "使领馆作出签证决定后，我局通知单位领回护照。",
            ),
            "time_limit": "照会在材料齐全后3个工作日内出具；签证时间以使领馆为准",
            "fees": "照会不收费；签证费按使领馆标准收取",
            "contact": "护照签证科 0758 2837849",
        },
        "en": {
            "title": "Visa notes for official travel",
            "search_description": "Diplomatic notes for foreign visas of official travellers.",
            "legal_basis": ul("Rules on visas for official travel"),
            "applicants": "<p>Members of an approved mission holding an official passport; "
            "the agency applies for them.</p>",
            "conditions": ul(
                "The mission is approved and the passport is valid for at least 6 months after "
                "the trip;",
                "agencies may not approach embassies or consulates themselves.",
            ),
            "materials": ul(
                "The official passport;",
                "the visa application form and photograph;",
                "the invitation and its Chinese translation;",
                "a copy of the approval document.",
            ),
            "procedure": ol(
                "The liaison officer applies in the agency workspace;",
                "the bureau issues the note and sends it through the provincial office to the "
                "embassy or consulate;",
                "the bureau tells the agency when the passport is back.",
            ),
            "time_limit": "Notes within 3 working days of complete materials; visa times are "
            "the embassy's",
            "fees": "Notes are free; visa fees are the embassy's",
            "contact": "Division of Passport & Visa, 0758 2837849",
        },
    },
    {
        "slug": "honorary-citizen",
        "zh": {
            "title": "肇庆市荣誉市民推荐",
            "search_description": "推荐对肇庆经济社会发展作出突出贡献的人士为荣誉市民。",
            "legal_basis": ul("肇庆市荣誉市民评定有关规定"),
            "applicants": "<p>本市各级党政机关、人民团体和有关单位。</p>",
            "conditions": ul(
                "被推荐人为对肇庆市经济社会发展作出突出贡献的外国人、华侨或港澳台同胞；",
                "推荐须征得被推荐人同意。",
            ),
            "materials": ul(
                "荣誉市民推荐表；",
                "被推荐人简历及主要贡献材料；",
                "被推荐人同意接受推荐的书面意见。",
            ),
            "procedure": ol(
                "推荐单位提交推荐材料；",
                "我局会同有关部门开展背景核查并初审；",
                "报市人民政府审核；",
                "提请市人大常委会审议决定；",
                "向社会公布，颁发证书。",
            ),
            "time_limit": "按年度评定工作安排办理",
            "fees": "不收费",
            "contact": "侨务科 0758 2828903",
        },
        "en": {
            "title": "Nominating an Honorary Citizen of Zhaoqing",
            "search_description": "Nominating people of outstanding contribution to Zhaoqing "
            "as Honorary Citizens.",
            "legal_basis": ul("The city's rules on the Honorary Citizen award"),
            "applicants": "<p>Agencies, people's organisations and other bodies of the city.</p>",
            "conditions": ul(
                "The nominee is a foreign national, an overseas Chinese or a compatriot of Hong "
                "Kong, Macao or Taiwan who has contributed outstandingly to Zhaoqing;",
                "the nominee consents to the nomination.",
            ),
            "materials": ul(
                "The nomination form;",
                "the nominee's résumé and record of contributions;",
                "the nominee's written consent.",
            ),
            "procedure": ol(
                "The nominating body files the nomination;",
                "the bureau checks the nominee's background with other agencies and reviews;",
                "the municipal government reviews;",
                "the standing committee of the Municipal People's Congress decides;",
                "the award is published and the certificate presented.",
            ),
            "time_limit": "In the yearly award round",
            "fees": "Free of charge",
            "contact": "Division of Overseas Chinese Affairs, 0758 2828903",
        },
    },
    {
        "slug": "overseas-chinese-complaints",
        # Complaints are filed online on the applicants' page of their own.
        "online_url": "/applicants/petitions/new/",
        "zh": {
            "title": "侨务信访（归侨侨眷权益保护投诉）",
            "search_description": "归侨、侨眷和华侨反映合法权益受到侵害的信访事项的受理和办理。",
            "legal_basis": ul(
                "《中华人民共和国归侨侨眷权益保护法》及其实施办法",
                "《广东省华侨权益保护条例》第三十一条",
                "《信访工作条例》（2022年5月1日起施行）",
            ),
            "applicants": "<p>合法权益受到侵害的归侨、侨眷、华侨及其委托的代理人。</p>",
            "conditions": ul(
                "反映的事项涉及侨房、征收拆迁、宅基地、侨汇、继承、投资、子女入学、出境探亲、"
                "境外领取养老金等归侨侨眷或华侨权益；",
                "多人反映共同事项的，推选代表，代表人数不超过5人；",
                "已经或者依法应当通过诉讼、仲裁、行政复议解决的事项，依照有关规定办理。",
            ),
            "materials": ul(
                "信访人姓名（名称）、住址和联系方式；",
                "诉求、事实和理由；",
                "身份证明及有关证明材料（如房屋产权证明、侨眷身份证明等）。",
            ),
            "procedure": ol(
                "通过网上信访、来信、来访或来电提出；",
                "自收到之日起15日内书面告知是否受理（或转送有权处理的部门）；",
                "受理后60日内办结并出具信访处理意见书，情况复杂的经批准可延长不超过30日，"
                "并告知延期理由；",
                "对处理意见不服的，可自收到之日起30日内请求上一级机关复查；"
                "对复查意见不服的，可自收到之日起30日内请求复核。",
            ),
            "time_limit": "受理后60日内办结（可延长不超过30日）",
            "fees": "不收费",
            "contact": "侨务科 0758 2828903",
        },
        "en": {
            "title": "Rights-protection complaints of overseas Chinese",
            "search_description": "Complaints of returned overseas Chinese, their relatives and "
            "overseas Chinese whose lawful rights were harmed.",
            "legal_basis": ul(
                "Law on the Protection of the Rights and Interests of Returned Overseas Chinese "
                "and the Relatives of Overseas Chinese, and its implementing measures",
                "Guangdong Regulations on the Protection of the Rights of Overseas Chinese, "
                "art. 31",
                "Regulations on Petition Work (in force 1 May 2022)",
            ),
            "applicants": "<p>Returned overseas Chinese, relatives of overseas Chinese and "
            "overseas Chinese whose lawful rights were harmed, or their agents.</p>",
            "conditions": ul(
                "The matter concerns their rights: housing, expropriation, homesteads, "
                "remittances, inheritance, investment, school admission, exit for family "
                "visits, pensions abroad and others;",
                "several people raising one matter choose at most 5 representatives;",
                "matters that are or must be settled by a court, arbitration or administrative "
                "reconsideration follow those procedures.",
            ),
            "materials": ul(
                "The petitioner's name, address and contact details;",
                "the request, the facts and the reasons;",
                "proof of identity and supporting documents (title deeds, proof of status).",
            ),
            "procedure": ol(
                "File online, by letter, in person or by telephone;",
                "within 15 days of receipt you are told in writing whether the complaint is "
                "accepted (or transferred to the competent department);",
                "an accepted complaint is concluded within 60 days with a written handling "
                "opinion; a complex one may be extended by at most 30 days, and you are told "
                "why;",
                "if you disagree, you may ask the organ one level above for a review within 30 "
                "days, and for a re-review of the review opinion within 30 days.",
            ),
            "time_limit": "Concluded within 60 days of acceptance (extendable by 30 days)",
            "fees": "Free of charge",
            "contact": "Division of Overseas Chinese Affairs, 0758 2828903",
        },
    },
    {
        "slug": "overseas-chinese-identity-certificate",
        "zh": {
            "title": "归侨侨眷身份证明办理",
            "search_description": "为归侨、侨眷出具身份证明书，注明用途和接收单位。",
            "legal_basis": ul(
                "《中华人民共和国归侨侨眷权益保护法》第二条",
                "《中华人民共和国归侨侨眷权益保护法实施办法》第二条、第三条",
                "《广东省华侨权益保护条例》",
            ),
            "applicants": "<p>户籍在本市的归侨和侨眷（华侨、归侨在国内的配偶、父母、子女及其配偶、"
            "兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女，以及有长期扶养关系的其他亲属）。</p>",
            "conditions": ul(
                "本人为归侨，或与华侨、归侨有法定范围内的亲属关系；",
                "长期扶养关系须经公证；",
                "离婚或扶养关系终止的，侨眷身份随之丧失；华侨、归侨去世的，其眷属身份不变。",
            ),
            "materials": ul(
                "居民身份证、户口簿；",
                "与华侨、归侨的亲属关系证明（长期扶养关系须提供扶养公证书）；",
                "华侨在国外定居的证明或归侨身份证明；",
                "用途说明及接收单位名称。",
            ),
            "procedure": ol(
                "在“办事人”页面在线申请，或到户籍所在地县（市、区）侨务部门申请；",
                "户籍所在地侨务部门审核（高新区、肇庆新区由市局审核），材料不全的一次性告知补正；",
                "出具身份证明书，扫描二维码即可核验；",
                "对不予出具决定不服的，可在60日内向省侨务部门申请行政复议。",
            ),
            "time_limit": "材料齐全后7个工作日内办结（补正材料期间不计入）；证明书有效期一年",
            "fees": "不收费",
            "contact": "侨务科 0758 2828903",
        },
        "en": {
            "title": "Identity certificates of returned overseas Chinese and their relatives",
            "search_description": "Certificates of the standing of returned overseas Chinese "
            "and relatives of overseas Chinese, for a named purpose and receiving unit.",
            "legal_basis": ul(
                "Law on the Protection of the Rights and Interests of Returned Overseas Chinese "
                "and the Family Members of Overseas Chinese, art. 2",
                "Implementing Measures of that Law, art. 2 and 3",
                "Guangdong Regulations on the Protection of the Rights and Interests of "
                "Overseas Chinese",
            ),
            "applicants": "<p>Returned overseas Chinese and relatives of overseas Chinese "
            "registered in the city: spouses, parents, children and their spouses, brothers and "
            "sisters, grandparents and grandchildren on both sides, and other relatives in "
            "long-term support.</p>",
            "conditions": ul(
                "The applicant returned to settle, or is related to an overseas Chinese or a "
                "returned overseas Chinese by a relation of the law;",
                "long-term support needs a notarised proof;",
                "divorce or the end of support ends the standing; the death of the overseas "
                "Chinese does not.",
            ),
            "materials": ul(
                "Resident ID card and household register;",
                "proof of the relation (a notarised proof of long-term support);",
                "proof of the overseas Chinese's settlement abroad or return;",
                "the purpose and the receiving unit.",
            ),
            "procedure": ol(
                "Apply online on the applicants' pages, or at the overseas Chinese office of the "
                "county of household registration;",
                "that office decides (the city bureau for the two zones); missing material is "
                "asked for once;",
                "the certificate is issued, and anyone can check it by its QR code;",
                "a refusal may be taken to the province for administrative reconsideration "
                "within 60 days.",
            ),
            "time_limit": "7 working days from complete material (time waiting for material not "
            "counted); valid one year",
            "fees": "Free of charge",
            "contact": "Division of Overseas Chinese Affairs, 0758 2828903",
        },
    },
    {
        "slug": "return-to-settle-certificate",
        "zh": {
            "title": "华侨回国定居证办理",
            "search_description": "为回国定居的华侨办理华侨回国定居证。",
            "legal_basis": ul("《广东省华侨权益保护条例》第八条"),
            "applicants": "<p>拟回国在本市定居的华侨。</p>",
            "conditions": ul(
                "申请前两年内在国内连续居住满三个月，或在连续六个月内累计居住满90天；",
                "在拟定居地有稳定住所和生活保障。",
            ),
            "materials": ul(
                "中国护照及国外长期或永久居留证明；",
                "出入境记录；",
                "住房证明；",
                "生活来源证明。",
            ),
            "procedure": ol(
                "向拟定居地县（市、区）侨务部门申请；",
                "侨务部门核查居住条件、住所和生活保障；",
                "出具华侨回国定居证；",
                "持证到定居地公安机关办理户口登记。",
            ),
            "time_limit": "材料齐全后20个工作日内办结（待向局方确认）",
            "fees": "不收费",
            "contact": "侨务科 0758 2828903",
        },
        "en": {
            "title": "Return-to-settle certificates of overseas Chinese",
            "search_description": "The certificate an overseas Chinese needs to come back and "
            "settle in the city.",
            "legal_basis": ul(
                "Guangdong Regulations on the Protection of the Rights and Interests of "
                "Overseas Chinese, art. 8"
            ),
            "applicants": "<p>Overseas Chinese who intend to settle in the city.</p>",
            "conditions": ul(
                "In the two years before applying, three consecutive months in China, or 90 "
                "days within six consecutive months;",
                "stable housing and livelihood at the place of settlement.",
            ),
            "materials": ul(
                "Chinese passport and proof of residence abroad;",
                "entry and exit records;",
                "proof of housing;",
                "proof of livelihood.",
            ),
            "procedure": ol(
                "Apply at the overseas Chinese office of the county of settlement;",
                "the office checks the presence, the housing and the livelihood;",
                "the certificate is issued;",
                "register the household with the police of the place of settlement.",
            ),
            "time_limit": "20 working days from complete material (to be confirmed)",
            "fees": "Free of charge",
            "contact": "Division of Overseas Chinese Affairs, 0758 2828903",
        },
    },
]
