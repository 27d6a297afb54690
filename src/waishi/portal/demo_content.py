"""The demo website's text, in Simplified Chinese (the source) and English.

The English texts follow the bureau's own web page (``bureau-website-page.txt``), with its
title line corrected: it names the Foreign Trade and Economic Cooperation Bureau, while the
page describes the Foreign Affairs and Overseas Chinese Affairs Bureau. Traditional Chinese is
not written here: it is produced from the Simplified pages when they are published.
"""

# (slug, Simplified title, English title, Simplified introduction, English introduction)
HOME = (
    "home",
    "首页",
    "Home",
    "<p>欢迎访问肇庆市外事侨务局网站。本站发布我局工作动态、通知公告和办事指南，"
    "并提供办件进度查询。</p>",
    "<p>Welcome to the website of the Foreign Affairs and Overseas Chinese Affairs Bureau of "
    "Zhaoqing Municipality: news, notices, service guides and a status look-up for "
    "applications.</p>",
)

PROFILE = (
    "about",
    "机构概况",
    "About the bureau",
    "<p>肇庆市外事侨务局是肇庆市人民政府主管外事和侨务工作的工作部门。</p>",
    "<p>The Foreign Affairs and Overseas Chinese Affairs Bureau is the department of the "
    "Zhaoqing Municipal People's Government in charge of foreign affairs and overseas Chinese "
    "affairs.</p>",
)
OFFICE_HOURS = (
    "周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
    "Monday to Friday, 8:30–12:00 and 14:30–17:30 (closed on public holidays)",
)
MAP_URL = "https://www.openstreetmap.org/search?query=%E8%82%87%E5%BA%86%E5%B8%82%E6%B1%9F%E6%BB%A8%E8%A5%BF%E8%B7%AF18%E5%8F%B7"

RESPONSIBILITIES = (
    "responsibilities",
    "主要职责",
    "Main responsibilities",
)
RESPONSIBILITIES_ZH = [
    "贯彻执行党和国家外事工作的方针政策和法律法规，研究拟订全市外事工作的规章制度，"
    "制定全市外事工作发展规划并组织实施。",
    "管理和协调全市外事工作，掌握本市涉外情况及国际和港澳动态，统筹协调处理涉外事务；"
    "负责全市国际友好城市交往和肇庆市人民对外友好协会的工作，指导全市民间对外友好交流工作。",
    "负责接待外国驻华使节、政党代表团、友好人士等重要外宾；会同有关部门接待华侨、"
    "港澳同胞和社团来访。",
    "负责全市党政机关、事业单位因公临时出国（境）的审核管理工作；负责市领导出访的报批工作；"
    "负责公务护照、因公普通护照和因公往来港澳通行证及签注的签发工作；协助办理外国签证。",
    "加强与华侨、港澳同胞和社团的联谊，协助引进华侨、港澳同胞的资金、人才和技术，"
    "促进经济、文化、科技等方面的合作与交流；统筹协调肇庆市荣誉市民的评定工作；"
    "会同有关部门开展侨务工作。",
    "指导归侨侨眷工作，组织协调维护归侨侨眷和华侨的合法权益；审核、监督华侨和港澳同胞的捐赠工作。",
    "会同有关部门推进本市与港澳在经济、社会等方面的合作；组织、协调、联系与港澳官方、"
    "半官方及重要民间的交往事宜；协助上级部门和中央人民政府驻香港、澳门特别行政区联络办公室"
    "及外交部驻香港、澳门特别行政区特派员公署开展有关工作。",
    "指导各县（市、区）外事侨务部门和其他政府部门开展外事工作，监督检查外事纪律的执行情况。",
    "完成市委、市政府和省外办交办的其他任务。",
]
RESPONSIBILITIES_EN = [
    "Implement policies, laws and regulations of the party and the country in foreign affairs, "
    "research and develop regulations of the city's foreign affairs, formulate development "
    "planning of the foreign affairs and organize the implementation.",
    "Manage and coordinate the city's foreign affairs, and keep track of the foreign affairs of "
    "Zhaoqing as well as international, Hong Kong and Macao developments; coordinate the "
    "handling of foreign-related matters. Manage the city's friendly exchange programs with its "
    "sister cities and foreign countries and the Chinese People's Association for Friendship "
    "with Foreign Countries of Zhaoqing. Give guidance to foreign non-governmental friendly "
    "exchanges.",
    "Receive foreign ambassadors, party guests, friendly people and other important guests; "
    "receive overseas Chinese, Hong Kong and Macao compatriots and communities with the "
    "relevant departments in the city.",
    "Supervise the short-term official missions conducted by the city's government agencies "
    "and public institutions to foreign countries and the Hong Kong and Macao SARs; report the "
    "overseas missions to be conducted by the city leaders to the higher authorities for "
    "approval; issue Passports for Public Affairs, Service Passports, and Passes to and from "
    "Hong Kong and Macao with valid endorsements; assist with foreign visa applications.",
    "Cement the ties of friendship with overseas Chinese, Hong Kong and Macao compatriots and "
    "communities. Assist in introducing capital, talent and technology from overseas Chinese, "
    "Hong Kong and Macao compatriots to promote cooperation and exchanges in economy, culture, "
    "science and technology. Coordinate the implementation of the Honorary Citizen of Zhaoqing "
    "award. Coordinate the work of overseas Chinese affairs with relevant departments.",
    "Guide the work of returned overseas Chinese and their relatives. Organize and coordinate "
    "the protection of the legitimate rights and interests of returned overseas Chinese, their "
    "relatives and overseas Chinese. Audit and supervise donations of overseas Chinese, Hong "
    "Kong and Macao compatriots.",
    "Advance cooperation between Hong Kong, Macao and the city in economic and social aspects "
    "with related departments. Organize, coordinate and contact Hong Kong and Macao in "
    "official, semi-official and important civil exchanges. Assist the higher-level "
    "departments, the Liaison Offices of the Central People's Government in Hong Kong and "
    "Macao and the Offices of the Commissioner of the Ministry of Foreign Affairs in Hong Kong "
    "and Macao in carrying out related work.",
    "Instruct the foreign affairs offices and other government agencies of each county "
    "(county-level city, district) in carrying out their work on foreign affairs. Supervise "
    "the observance of the disciplines on foreign affairs.",
    "Accomplish other tasks as assigned by the CPC Municipal Committee, the Municipal "
    "Government and the provincial foreign affairs office.",
]

LEADERSHIP = (
    "leadership",
    "领导信息",
    "Leadership",
    "<p>局领导班子成员及其分工如下。</p>",
    "<p>The members of the bureau's leadership and their portfolios.</p>",
)
DIVISIONS = (
    "divisions",
    "内设机构",
    "Divisions",
    "<p>我局内设机构及其主要职责。</p>",
    "<p>The bureau's divisions and what each of them does.</p>",
)
CONTACT = (
    "contact",
    "联系我们",
    "Contact us",
    "<p>来访请于办公时间前往，办理业务前可先电话咨询。</p>",
    "<p>Please visit during office hours; you are welcome to call before you come.</p>",
)
CONTACT_BODY = (
    "<p>我局位于端州区江滨西路，西江之滨。乘坐公交车可在“江滨西路”站下车。</p>",
    "<p>The bureau is on Jiangbin West Road in Duanzhou District, by the Xi River; the nearest "
    "bus stop is Jiangbin West Road.</p>",
)
NEWS_INDEX = (
    "news",
    "新闻和通知公告",
    "News and notices",
    "<p>我局工作动态和通知公告。</p>",
    "<p>News of the bureau's work, and its notices.</p>",
)
SERVICES_INDEX = (
    "services",
    "办事指南",
    "Service guides",
    "<p>各项业务的办理依据、条件、材料、流程和时限。单位可在单位工作台在线申报。</p>",
    "<p>The legal basis, conditions, materials, procedure and time limit of each service. "
    "Agencies file online in the agency workspace.</p>",
)

# (slug, category, days ago, notice valid for days or None, zh title, zh body, en title or None,
#  en body) — an item without English shows how an untranslated page explains itself.
NEWS = [
    (
        "work-conference-2026",
        "news",
        12,
        None,
        "我局召开2026年度外事侨务工作会议",
        "<p>11月17日，我局召开2026年度外事侨务工作会议，总结本年度全市外事侨务工作，"
        "部署下一阶段重点任务。会议强调，要严格执行因公临时出国（境）管理规定，"
        "做好因公证照集中保管，进一步提升服务单位和群众的水平。</p>",
        "Bureau holds its 2026 conference on foreign and overseas Chinese affairs",
        "<p>On 17 November the bureau held its annual conference, reviewed the city's work on "
        "foreign and overseas Chinese affairs this year and set the priorities for the next. "
        "It called for strict observance of the rules on short-term official missions abroad "
        "and for careful central custody of official passports.</p>",
    ),
    (
        "sister-city-exchange",
        "news",
        25,
        None,
        "肇庆市与国际友好城市开展线上交流活动",
        "<p>近日，肇庆市与国际友好城市以视频方式开展交流，双方就教育、文化和青少年交流合作"
        "深入交换意见，商定明年互派青少年交流团组。</p>",
        "Zhaoqing and a sister city hold an online exchange",
        "<p>Zhaoqing and one of its sister cities met by video to discuss cooperation in "
        "education, culture and youth exchanges, and agreed to exchange youth delegations next "
        "year.</p>",
    ),
    (
        "overseas-chinese-forum",
        "news",
        40,
        None,
        "我局走访慰问归侨侨眷代表",
        "<p>我局会同有关部门走访慰问部分归侨侨眷代表，了解他们的生活情况，宣传侨务政策，"
        "听取意见建议。</p>",
        None,
        "",
    ),
    (
        "mission-plan-2027",
        "notice",
        3,
        60,
        "关于做好2027年度因公临时出国（境）计划申报工作的通知",
        "<p>各县（市、区）外事侨务部门，市直各单位：</p><p>为做好2027年度因公临时出国（境）"
        "计划管理工作，请各单位于12月31日前通过单位工作台报送本单位年度出访计划。"
        "未列入年度计划的出访任务，原则上不予审批。</p>",
        "Notice on filing the 2027 plans for official missions abroad",
        "<p>All county foreign affairs offices and municipal agencies: please file your 2027 "
        "plan of short-term official missions abroad through the agency workspace by "
        "31 December. Missions outside the annual plan are, in principle, not approved.</p>",
    ),
    (
        "passport-custody-reminder",
        "notice",
        8,
        90,
        "关于按时交回因公证照的提示",
        "<p>根据因公证照集中保管的有关规定，出访人员应在回国（境）后7天内将因公护照或因公往来"
        "港澳通行证交回我局集中保管。逾期未交回的，将影响所在单位后续出访和证照业务的办理。</p>",
        "Reminder: return official passports on time",
        "<p>Under the rules on central custody, official passports and official passes to Hong "
        "Kong and Macao must be returned to the bureau within 7 days of coming back. Late "
        "returns hold up the agency's further missions and passport business.</p>",
    ),
]
