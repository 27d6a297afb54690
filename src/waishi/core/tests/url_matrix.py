"""Who may open which URL: the expected answer for anonymous visitors and every role.

Every URL pattern of the project must be listed here (by name, or by a ``prefix*`` entry for
a family of third-party URLs checked through one representative). ``test_url_matrix`` walks
the URL configuration, fails for a URL missing here, and requests each listed URL as each
role. An entry maps each viewer to the status code expected for a GET.
"""

from waishi.accounts.constants import ADMIN_ROLES, AGENCY_ROLES, BUREAU_ROLES, Role

ANONYMOUS = "anonymous"
VIEWERS = [ANONYMOUS, *Role.values]


def gate(
    allowed: frozenset[str] | set[str], ok: int = 200, anon: int = 302, denied: int = 403
) -> dict[str, int]:
    """Only ``allowed`` roles get ``ok``; others 403; anonymous visitors go to sign in."""
    return {v: anon if v == ANONYMOUS else ok if v in allowed else denied for v in VIEWERS}


def everyone(status: int = 200) -> dict[str, int]:
    return dict.fromkeys(VIEWERS, status)


def anonymous_only(ok: int = 200, signed_in: int = 302) -> dict[str, int]:
    return {v: ok if v == ANONYMOUS else signed_in for v in VIEWERS}


ONLY = frozenset
CASE_WORKERS = frozenset({Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER})
CASE_STAFF = CASE_WORKERS | {Role.DISCIPLINE_INSPECTOR}
# The home page sends every signed-in user to their own dashboard.
HOME = dict.fromkeys(VIEWERS, 302)
# Bureau staff who read every case and the passport register.
PASSPORT_READERS = ONLY(
    {Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR}
)
# The divisions' own staff (officers and heads).
DIVISION_STAFF = ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD})
# The agency people who file mission applications.
MISSION_FILERS = ONLY({Role.LIAISON_OFFICER, Role.AGENCY_SIGNATORY})

# Readers of the honorary citizens' pages among the sample users (who work in no division).
READERS_OF_HONOURS = ONLY({Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR})

# Wagtail's admin lets in website editors only; others are sent to sign in.
CMS = {**everyone(302), Role.WEBSITE_EDITOR: 200}

MATRIX: dict[str, dict[str, int]] = {
    # Sign-in and the shell.
    "accounts:login": anonymous_only(),
    "accounts:logout": everyone(405),
    "accounts:password_change": {**everyone(200), ANONYMOUS: 302},
    "accounts:home": HOME,
    "accounts:workspace": gate(AGENCY_ROLES),
    "accounts:office": gate(BUREAU_ROLES),
    "accounts:security": gate(ONLY({Role.SECURITY_ADMIN})),
    "accounts:unlock": gate(ONLY({Role.SECURITY_ADMIN}), ok=405),
    "accounts:reset_factors": gate(ONLY({Role.SECURITY_ADMIN}), ok=405),
    # One's own second factors (the test client's sessions have passed theirs).
    "accounts:factors": {**everyone(200), ANONYMOUS: 302},
    # Past the second factor already: sent on to the page asked for.
    "accounts:second_factor": everyone(302),
    # Nobody here has a factor yet, so each may enrol one.
    "accounts:enrol_totp": {**everyone(200), ANONYMOUS: 302},
    # Shown once, right after enrolment; otherwise sent on.
    "accounts:recovery_codes": everyone(302),
    "accounts:passkey_register_options": everyone(405),
    "accounts:passkey_register": everyone(405),
    "accounts:passkey_sign_in_options": everyone(405),
    "accounts:passkey_sign_in": everyone(405),
    "audit:search": gate(ONLY({Role.AUDIT_ADMIN})),
    "audit:detail": gate(ONLY({Role.AUDIT_ADMIN})),
    # POST-only: a GET is refused before anything else is looked at.
    "audit:export": everyone(405),
    "core:pii_reveal": everyone(405),
    # Probes for load balancers and monitoring (JSON, no personal data).
    "core:healthz": everyone(200),
    "core:readyz": everyone(200),
    # Prometheus metrics, to the configured networks (the test client comes from 127.0.0.1).
    "core:metrics": everyone(200),
    "core:tasks": gate(ONLY({Role.SYSTEM_ADMIN})),
    "core:task_rerun": gate(ONLY({Role.SYSTEM_ADMIN}), ok=405),
    # Language switch (POST; GET is refused by Django's view with a redirect).
    "set_language": everyone(302),
    # Django's admin: the system administrator only; everyone else is sent to sign in.
    "admin:*": {**everyone(302), Role.SYSTEM_ADMIN: 200},
    "route:admin/*": {**everyone(302), Role.SYSTEM_ADMIN: 200},
    # The public portal: Wagtail pages, status look-up, search, sitemap and robots.txt.
    "portal_home": everyone(200),
    "wagtail_serve": everyone(200),
    "portal_status": everyone(200),
    "portal_verify": everyone(200),
    "portal_verify_code": everyone(200),
    "portal_search": everyone(200),
    "sitemap": everyone(200),
    "robots_txt": everyone(200),
    # Wagtail's CMS at /cms/ (and its documents): website editors only.
    "wagtail*": CMS,
    "simple_translation:*": CMS,
    "route:cms/*": CMS,
    # Notifications: every signed-in person, their own only; the bell answers 204 to a
    # visitor whose session ended so htmx leaves the page alone.
    "notifications:list": {**everyone(200), ANONYMOUS: 302},
    "notifications:preferences": {**everyone(200), ANONYMOUS: 302},
    "notifications:bell": {**everyone(200), ANONYMOUS: 204},
    "notifications:read": everyone(405),
    "notifications:read_all": everyone(405),
    # The JSON API: token or session; 401 (JSON) for visitors. The docs are for bureau
    # staff, the schema for anyone who may use the workspace or back office.
    "api-v1:*": {**everyone(200), ANONYMOUS: 401},
    "api-v1:health": everyone(200),
    "api-v1:mark_read": everyone(405),
    "api-v1:mark_all_read": everyone(405),
    "api-v1:api-root": everyone(200),
    "api-v1:index": everyone(200),
    # The API's documentation is for the bureau's staff; its schema for agencies' systems too.
    "api-v1:openapi-view": gate(BUREAU_ROLES),
    "api-v1:openapi-json": gate(AGENCY_ROLES | BUREAU_ROLES, anon=401),
    "api-not-found": everyone(404),
    # API tokens: the agency's liaison officer.
    "api:tokens": gate(ONLY({Role.LIAISON_OFFICER})),
    "api:token_create": everyone(405),
    "api:token_revoke": everyone(405),
    # Passports: bureau case staff read custody; the Passport & Visa Division (not among
    # the generic viewers) keeps it; agencies see their own.
    # The sample objects do not exist: people who may look get "not found".
    **{
        f"passports:{name}": row
        for names, row in [
            (("dashboard", "custody", "locks", "bars"), gate(PASSPORT_READERS)),
            (("register", "visas"), gate(PASSPORT_READERS | AGENCY_ROLES)),
            (("document", "visa", "loss_file"), gate(PASSPORT_READERS | AGENCY_ROLES, ok=404)),
            (("holder",), gate(PASSPORT_READERS | AGENCY_ROLES, ok=404)),
            (("mission", "receipt"), gate(PASSPORT_READERS, ok=404)),
            (("loss",), gate(ONLY({Role.LIAISON_OFFICER, Role.AGENCY_SIGNATORY}), ok=404)),
            (("document_new", "note_templates", "note_template", "request_issue"), gate(ONLY())),
            (("endorsement_add", "cancel", "hand_out", "visas_open"), gate(ONLY())),
            (("visa_note", "return", "visa_move", "visa_checklist"), gate(ONLY())),
            (("holder_bar", "bar_lift"), gate(ONLY())),
            (("report", "report_download"), gate(ONLY({Role.BUREAU_LEADER}))),
            (("workspace",), gate(AGENCY_ROLES)),
            (("request_new",), gate(ONLY({Role.LIAISON_OFFICER, Role.AGENCY_SIGNATORY}))),
        ]
        for name in names
    },
    # Cases: staff work the inbox; agencies list their own; both read and export what they
    # may see. The sample case and files do not exist: people who may look get "not found".
    **{
        f"cases:{name}": row
        for names, row in [
            (("inbox",), gate(CASE_STAFF)),
            # The leaders' cockpit: leaders and division heads (the sample head works in a
            # division; the sample leader has no portfolio and sees the whole bureau).
            (("cockpit",), gate(ONLY({Role.BUREAU_LEADER, Role.DIVISION_HEAD}))),
            # The rules of every area: the whole bureau reads them; a division head opens the
            # form, which finds only the areas their division keeps (none for the sample).
            (("rules",), gate(BUREAU_ROLES)),
            (("rule_new",), gate(ONLY({Role.DIVISION_HEAD}), ok=404)),
            (("suspensions",), gate(CASE_STAFF)),
            (("suspension_lift",), gate(CASE_WORKERS, ok=405)),
            (("workspace_list",), gate(AGENCY_ROLES)),
            # The count beside the menu: what waits for the person asking (often nothing).
            (("todo_count",), {**everyone(200), ANONYMOUS: 302}),
            (("export", "export_retry"), gate(CASE_STAFF | AGENCY_ROLES, ok=405)),
            (("export_status", "export_download"), gate(CASE_STAFF | AGENCY_ROLES, ok=404)),
            (
                ("by_id", "detail", "attachment_download", "document_download"),
                gate(CASE_STAFF | AGENCY_ROLES, ok=404),
            ),
            # Revoking a document: POST only; the owning division's head, checked on the case.
            (("document_revoke",), gate(CASE_STAFF | AGENCY_ROLES, ok=405)),
            (("transition",), gate(CASE_WORKERS | AGENCY_ROLES, ok=405)),
            # Applicants may write on cases, but find none here (their own pages serve them).
            (
                ("comment", "attachment_upload"),
                gate(CASE_WORKERS | AGENCY_ROLES | {Role.APPLICANT}, ok=405),
            ),
            (("edit",), gate(CASE_WORKERS, ok=404)),
            # External steps: POST only; the owning division is checked on the case itself.
            (("step_send", "step_answer", "step_withdraw"), gate(CASE_WORKERS, ok=405)),
            # The holiday calendar: staff and the system administrator read it; division
            # heads and the system administrator enter a year's notice.
            (("calendar",), gate(CASE_STAFF | {Role.SYSTEM_ADMIN})),
            (("calendar_notice",), gate(ONLY({Role.DIVISION_HEAD, Role.SYSTEM_ADMIN}))),
        ]
        for name in names
    },
    # Foreign-related incidents: only the consular division's staff and the bureau's leaders
    # know they exist (the sample users work in no division: "not found"); leaders read the
    # list and the figures, the consular staff alone record.
    **{
        f"incidents:{name}": {**everyone(404), ANONYMOUS: 302, Role.BUREAU_LEADER: 200}
        for name in ("list", "statistics")
    },
    **{
        f"incidents:{name}": {**everyone(404), ANONYMOUS: 302}
        for name in ("new", "visit_request", "visit_held", "media_line")
    },
    # Honorary citizens: the two divisions that work nominations (the sample users work in
    # no division), the leaders and the inspector read; the Overseas Chinese Affairs Division
    # keeps rounds and the register (POST only); agencies nominate, applicants self-nominate.
    # The sample round and citizen do not exist: people who may look get "not found".
    **{
        f"honours:{name}": row
        for names, row in [
            (("dashboard", "citizens", "statistics"), gate(READERS_OF_HONOURS)),
            (("round", "citizen"), gate(READERS_OF_HONOURS, ok=404)),
            (("round_new",), gate(ONLY())),
            (("round_close", "round_notice"), gate(ONLY(), ok=405)),
            (("citizen_status", "citizen_ceremony", "citizen_contact"), gate(ONLY(), ok=405)),
            (("nominate", "workspace_nominate"), gate(MISSION_FILERS)),
            (("self_nominate",), gate(ONLY({Role.APPLICANT}))),
        ]
        for name in names
    },
    "honours_public_list": everyone(200),
    # Directives, tasks from above and briefs: the divisions' staff write them, every case
    # reader reads directives and tasks, county officers answer their own; leaders read and
    # mark briefs. The sample objects do not exist: people who may look get "not found".
    **{
        f"directives:{name}": row
        for names, row in [
            (("list", "tasks"), gate(CASE_STAFF)),
            (("new", "task_new", "brief_new"), gate(DIVISION_STAFF)),
            (("remind",), gate(DIVISION_STAFF, ok=405)),
            (("task_extend", "task_report"), gate(DIVISION_STAFF, ok=405)),
            (("briefs",), gate(DIVISION_STAFF | {Role.BUREAU_LEADER})),
            (("brief",), gate(DIVISION_STAFF | {Role.BUREAU_LEADER}, ok=404)),
            (("brief_edit",), gate(DIVISION_STAFF, ok=404)),
            (("brief_submit",), gate(DIVISION_STAFF, ok=405)),
            (("brief_review",), gate(ONLY({Role.DIVISION_HEAD}), ok=405)),
            (("brief_mark",), gate(ONLY({Role.BUREAU_LEADER}), ok=405)),
            (("county_replies",), gate(ONLY({Role.COUNTY_OFFICER}))),
            (("reply",), gate(ONLY({Role.COUNTY_OFFICER}), ok=404)),
        ]
        for name in names
    },
    # Overseas Chinese affairs: the register is seen only by the Division of Overseas Chinese
    # Affairs and the county officers it names (the sample users are neither: "not found").
    **{
        f"overseas:{name}": {**everyone(404), ANONYMOUS: 302}
        for name in (
            "register",
            "export",
            "person_new",
            "person",
            "standing_add",
            "standing_end",
            "standing_death",
            "reveal",
            "organisations",
            "access",
            "certificates",
            "identity_new",
            "settlement_new",
            "settlement_checks",
            "campaigns",
            "campaign",
            "survey_template",
            "statistics",
        )
    },
    # Donations: donees file and read their own, county offices their county's, the bureau
    # all; the figures and flags for the bureau, the inspector and county offices; the
    # exchange rates for the bureau. The project panel's forms take POST only.
    **{
        f"donations:{name}": row
        for names, row in [
            (("list", "archive"), gate(CASE_STAFF | AGENCY_ROLES)),
            (("new", "project_new"), gate(MISSION_FILERS)),
            (("statistics", "flags"), gate(CASE_STAFF | {Role.COUNTY_OFFICER})),
            (("rates",), gate(CASE_STAFF)),
            (
                (
                    "milestone",
                    "naming",
                    "naming_decision",
                    "name",
                    "change",
                    "change_decision",
                    "use_report",
                    "flag",
                ),
                gate(CASE_STAFF | AGENCY_ROLES, ok=405),
            ),
        ]
        for name in names
    },
    # Discipline supervision: the inspector, the leaders and the discipline division's staff
    # (no sample user works there) read the workbench and the reports; the inspector opens
    # inspections; the division takes measures; leaders prepare and send reports.
    **{
        f"supervision:{name}": row
        for names, row in [
            (("workbench", "reports"), gate(ONLY({Role.DISCIPLINE_INSPECTOR, Role.BUREAU_LEADER}))),
            (
                ("report", "report_xlsx", "report_pdf"),
                gate(ONLY({Role.DISCIPLINE_INSPECTOR, Role.BUREAU_LEADER}), ok=404),
            ),
            (
                ("export",),
                gate(ONLY({Role.DISCIPLINE_INSPECTOR, Role.BUREAU_LEADER}), ok=405),
            ),
            (("new_inspection",), gate(ONLY({Role.DISCIPLINE_INSPECTOR}))),
            (("measure",), gate(ONLY(set()), ok=405)),
            (("report_send",), gate(ONLY({Role.BUREAU_LEADER}), ok=405)),
        ]
        for name in names
    },
    # Rights-protection complaints: only the Division of Overseas Chinese Affairs' staff and the
    # bureau's leaders know they exist (the sample users work in no division: "not found");
    # leaders read the list and the figures, the division alone records. Applicants file
    # theirs online.
    **{
        f"petitions:{name}": {**everyone(404), ANONYMOUS: 302, Role.BUREAU_LEADER: 200}
        for name in ("list", "statistics")
    },
    **{
        f"petitions:{name}": {**everyone(404), ANONYMOUS: 302}
        for name in ("new", "hearing_start", "hearing_end", "satisfaction")
    },
    "petitions:apply": {**everyone(404), ANONYMOUS: 302, Role.APPLICANT: 200},
    # Missions: the filing agency prepares applications and keeps its register and plan;
    # mission staff read them; division heads add rule versions and, with bureau leaders,
    # accept warnings. The sample objects do not exist: people who may look get "not found".
    **{
        f"missions:{name}": row
        for names, row in [
            (("new", "traveller_new"), gate(MISSION_FILERS)),
            (("step", "report", "traveller_edit"), gate(MISSION_FILERS, ok=404)),
            (("plan_entry_remove",), gate(MISSION_FILERS, ok=405)),
            (("travellers", "plans"), gate(PASSPORT_READERS | AGENCY_ROLES)),
            (("plan", "approval_download"), gate(PASSPORT_READERS | AGENCY_ROLES, ok=404)),
            (("statistics",), gate(PASSPORT_READERS)),
            # The old rules addresses send the bureau to the kernel's rules screen.
            (("rules", "rule_new"), gate(BUREAU_ROLES, ok=302)),
            (("override",), gate(ONLY({Role.DIVISION_HEAD, Role.BUREAU_LEADER}), ok=405)),
        ]
        for name in names
    },
    # Foreign visits and gifts: agency people file their own, division staff file those the
    # bureau hosts; every case reader reads them (the sample visit does not exist); the
    # division head and bureau leaders accept warnings (POST only).
    **{
        f"visits:{name}": row
        for names, row in [
            (("list", "gifts"), gate(PASSPORT_READERS | AGENCY_ROLES)),
            (
                ("new", "gift_new"),
                gate(MISSION_FILERS | {Role.DIVISION_OFFICER, Role.DIVISION_HEAD}),
            ),
            (("edit", "outcome", "declaration"), gate(PASSPORT_READERS | AGENCY_ROLES, ok=404)),
            (("override",), gate(ONLY({Role.DIVISION_HEAD, Role.BUREAU_LEADER}), ok=405)),
            (("statistics",), gate(PASSPORT_READERS)),
        ]
        for name in names
    },
    "api-v1:visits": gate(PASSPORT_READERS | AGENCY_ROLES, anon=401),
    "api-v1:visit_gifts": gate(PASSPORT_READERS | AGENCY_ROLES, anon=401),
    # Applicants: sign-up for visitors; their own pages for applicants alone (the sample
    # case, company, invitation and file do not exist for them: "not found"); the bureau's
    # division staff confirm companies' letters of authorisation.
    "applicants:sign_up": anonymous_only(),
    "applicants:sign_up_details": anonymous_only(ok=302),
    "applicants:privacy": everyone(200),
    "applicants:home": gate(ONLY({Role.APPLICANT})),
    "applicants:companies": gate(ONLY({Role.APPLICANT})),
    "applicants:company_new": gate(ONLY({Role.APPLICANT})),
    "applicants:account": gate(ONLY({Role.APPLICANT})),
    "applicants:case": gate(ONLY({Role.APPLICANT}), ok=404),
    "applicants:case_file": gate(ONLY({Role.APPLICANT}), ok=404),
    "applicants:case_document": gate(ONLY({Role.APPLICANT}), ok=404),
    "applicants:company": gate(ONLY({Role.APPLICANT}), ok=404),
    **{
        f"applicants:{name}": gate(ONLY({Role.APPLICANT}), ok=405)
        for name in (
            "case_message",
            "case_upload",
            "company_invite",
            "invitation_accept",
            "account_data",
            "account_delete",
        )
    },
    "applicants:authorisations": gate(ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD})),
    "applicants:authorisation_letter": gate(
        ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD}), ok=404
    ),
    "applicants:authorisation_confirm": gate(
        ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD}), ok=405
    ),
    # Shared registers: bureau staff read organisations and countries; division staff edit
    # organisations; agencies have no access. The sample organisation does not exist.
    "registers:organisations": gate(BUREAU_ROLES),
    "registers:countries": gate(BUREAU_ROLES),
    "registers:organisation_new": gate(ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD})),
    "registers:organisation_edit": gate(ONLY({Role.DIVISION_OFFICER, Role.DIVISION_HEAD}), ok=404),
    # The missions API: agency people and mission staff read (the sample application does
    # not exist); the writing endpoints take POST only.
    **{
        f"api-v1:{name}": row
        for names, row in [
            (
                ("mission_travellers", "mission_planned"),
                gate(PASSPORT_READERS | AGENCY_ROLES, anon=401),
            ),
            (
                ("mission", "mission_update"),
                gate(PASSPORT_READERS | AGENCY_ROLES, ok=404, anon=401),
            ),
            (
                ("mission_create", "mission_invitation", "mission_confirm", "mission_submit"),
                everyone(405),
            ),
        ]
        for name in names
    },
}

# Example URLs of the ``prefix*`` families: the URL requested for the whole family.
REPRESENTATIVES = {
    "api-v1:*": "api-v1:me",
    "admin:*": "admin:index",
    "route:admin/*": "admin:index",
    "wagtail*": "wagtailadmin_home",
    "wagtail_serve": "portal_home",
    "simple_translation:*": "wagtailadmin_home",
    "route:cms/*": "wagtailadmin_home",
}

# Keyword arguments for URLs that take them; values may name fixtures built by the test.
SAMPLE_KWARGS: dict[str, dict[str, object]] = {
    "notifications:read": {"pk": 1},
    "api-v1:mark_read": {"notification_id": 1},
    "api-not-found": {"rest": "no/such/thing"},
    "api:token_revoke": {"pk": 1},
    "accounts:unlock": {"user_id": "@some_user"},
    # Creating the viewer writes the first audit event.
    "audit:detail": {"seq": 1},
    "core:pii_reveal": {"label": "accounts.user", "pk": "1", "field": "id_number"},
    "core:task_rerun": {"task_id": "00000000-0000-0000-0000-000000000001"},
    **{f"passports:{n}": {"pk": 999999} for n in ("document", "endorsement_add", "cancel")},
    **{f"passports:{n}": {"pk": 999999} for n in ("loss", "loss_file", "return", "receipt")},
    **{f"passports:{n}": {"pk": 999999} for n in ("visa", "visa_move", "visa_checklist")},
    **{f"passports:{n}": {"pk": 999999} for n in ("holder", "holder_bar", "bar_lift")},
    "passports:note_template": {"pk": 0},
    **{f"passports:{n}": {"reference": "CG-1999-00001"} for n in ("mission", "hand_out")},
    "passports:visas_open": {"reference": "CG-1999-00001"},
    "passports:visa_note": {"reference": "CG-1999-00001", "country": "DE"},
    "passports:request_issue": {"reference": "HZ-1999-00001"},
    **{
        f"incidents:{n}": {"reference": "SW-1999-00001"}
        for n in ("visit_request", "visit_held", "media_line")
    },
    **{
        f"overseas:{n}": {"pk": 999999}
        for n in ("person", "standing_add", "standing_end", "standing_death", "reveal", "campaign")
    },
    "overseas:settlement_checks": {"reference": "DJ-1999-00001"},
    **{
        f"donations:{n}": {"reference": "JX-1999-00001"}
        for n in (
            "milestone",
            "naming",
            "naming_decision",
            "name",
            "change",
            "change_decision",
            "use_report",
            "flag",
        )
    },
    **{
        f"petitions:{n}": {"reference": "XF-1999-00001"}
        for n in ("hearing_start", "hearing_end", "satisfaction")
    },
    "passports:report_download": {"year": 2026, "quarter": 1, "fmt": "xlsx"},
    "supervision:measure": {"reference": "JC-1999-00001"},
    **{
        f"supervision:{n}": {"pk": 999999}
        for n in ("report", "report_xlsx", "report_pdf", "report_send")
    },
    **{
        f"cases:{n}": {"reference": "ZZ-1999-00001"}
        for n in ("detail", "edit", "comment", "attachment_upload")
    },
    "cases:calendar_notice": {"year": 2027},
    "cases:transition": {"reference": "ZZ-1999-00001", "name": "submit"},
    "cases:attachment_download": {"reference": "ZZ-1999-00001", "pk": 999999},
    **{
        f"cases:{n}": {"reference": "ZZ-1999-00001", "pk": 999999}
        for n in ("document_download", "document_revoke")
    },
    "portal_verify_code": {"code": "ABCDEFGHJKLM"},
    "cases:step_send": {"reference": "ZZ-1999-00001"},
    **{
        f"cases:{n}": {"reference": "ZZ-1999-00001", "pk": 1}
        for n in ("step_answer", "step_withdraw")
    },
    **{
        f"cases:{n}": {"pk": 999999}
        for n in ("by_id", "export_status", "export_retry", "export_download", "suspension_lift")
    },
    **{
        f"directives:{n}": {"reference": "ZD-1999-00001"}
        for n in ("remind", "task_extend", "task_report", "reply")
    },
    **{
        f"directives:{n}": {"pk": 999999}
        for n in ("brief", "brief_edit", "brief_submit", "brief_review", "brief_mark")
    },
    **{f"missions:{n}": {"reference": "CG-1999-00001"} for n in ("report", "override")},
    "missions:step": {"reference": "CG-1999-00001", "step": "basics"},
    "missions:approval_download": {"reference": "CG-1999-00001", "version": 1},
    **{f"missions:{n}": {"pk": 999999} for n in ("traveller_edit", "plan")},
    "missions:plan_entry_remove": {"pk": 999999, "entry_pk": 1},
    **{f"visits:{n}": {"reference": "JD-1999-00001"} for n in ("edit", "override", "outcome")},
    "visits:declaration": {"reference": "LP-1999-00001"},
    **{f"honours:{n}": {"number": 999} for n in ("round", "round_close", "round_notice")},
    **{
        f"honours:{n}": {"pk": 999999}
        for n in ("citizen", "citizen_status", "citizen_ceremony", "citizen_contact")
    },
    "registers:organisation_edit": {"pk": 999999},
    **{
        f"applicants:{n}": {"reference": "ZZ-1999-00001"}
        for n in ("case", "case_message", "case_upload")
    },
    "applicants:case_file": {"reference": "ZZ-1999-00001", "pk": 999999},
    "applicants:case_document": {"reference": "ZZ-1999-00001", "pk": 999999},
    **{f"applicants:{n}": {"company_id": 999999} for n in ("company", "company_invite")},
    "applicants:invitation_accept": {"invitation_id": 999999},
    **{
        f"applicants:{n}": {"pk": 999999} for n in ("authorisation_letter", "authorisation_confirm")
    },
    **{
        f"api-v1:{n}": {"reference": "CG-1999-00001"}
        for n in (
            "mission",
            "mission_update",
            "mission_invitation",
            "mission_confirm",
            "mission_submit",
        )
    },
}

__all__ = ["ADMIN_ROLES", "MATRIX", "REPRESENTATIVES", "SAMPLE_KWARGS", "VIEWERS"]
