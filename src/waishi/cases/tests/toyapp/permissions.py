import rules

from waishi.accounts.permissions import is_agency_signatory, is_liaison_officer

# An agency's liaison officer or signatory books an interpreter for it.
rules.add_perm("toyapp.file_booking", is_liaison_officer | is_agency_signatory)
