"""What axe still finds in Wagtail's and wagtail-localize's own widgets on the screens our roles
use, which we do not patch; README.md (Accessibility) lists the same, with the same reasons.

Per screen: {(axe rule id, CSS selector the violating element matches): why it is left}. Used by
Visit.axe_against_allowlist(): a violation no entry matches fails (any in our own markup among
them), and so does an entry that matches nothing (fixed upstream: take it out here and in the README).
"""

SIDEBAR_SEARCH = {
    ("landmark-unique", "#wagtail-sidebar form[role=search]"): (
        "Wagtail's sidebar search and the screen's own search form are both unnamed search landmarks"
    ),
}
PAGE_EDITOR = {
    ("label", "ul.tagit input.ui-autocomplete-input"): (
        "Wagtail's tag widget (Topics) types into an input of its own with no label"
    ),
}
RICH_TEXT = {
    ("aria-input-field-name", ".public-DraftEditor-content[role=textbox]"): (
        "Wagtail's rich text editor (Draftail) in a StreamField paragraph has no accessible name"
    ),
}
WORKFLOW_PROGRESS = {
    ("empty-table-header", "th.workflow-progress-table__left-column"): (
        "Wagtail's workflow progress table has an empty corner header cell"
    ),
}
LOCALIZE_EDITOR = {
    ("page-has-heading-one", "html"): "wagtail-localize's translation editor has no level-one heading",
    ("color-contrast", "[role=tabpanel] li > h3"): (
        "wagtail-localize's field names (Title, Summary, ...) are light teal on white, under 4.5:1"
    ),
    ("label", "form[action$='/pofile/upload/'] input[type=file]"): (
        "wagtail-localize's hidden PO file upload input has no label (its visible button does)"
    ),
}
# While a string is being translated, its text box has no label either.
LOCALIZE_EDITOR_TYPING = {
    **LOCALIZE_EDITOR,
    ("label", "[role=tabpanel] li textarea"): "wagtail-localize's translation text box has no label",
}
ALLOWED = {
    "dashboard": SIDEBAR_SEARCH,
    "page explorer": SIDEBAR_SEARCH,
    "page editor (create)": PAGE_EDITOR,
    "page editor (edit)": {**PAGE_EDITOR, **RICH_TEXT},
    "translation editor": LOCALIZE_EDITOR,
    "page history": SIDEBAR_SEARCH,
    "workflow history detail": WORKFLOW_PROGRESS,
}
