"""The menu and dashboard panels. Each app registers its own in ``AppConfig.ready``.

A face is ``workspace`` (agencies), ``office`` (bureau staff) or ``admin`` (the three
administrators). An entry shows only to users holding its permission.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    face: str
    label: str | Promise
    url_name: str
    permission: str
    order: int = 100
    icon: str = ""
    # A URL name answering a small count badge for the entry, fetched after the page loads.
    badge_url: str = ""


@dataclass(frozen=True)
class Panel:
    face: str
    title: str | Promise
    template: str
    permission: str
    order: int = 100


@dataclass
class Registry:
    nav: list[NavItem] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)

    def add_nav(self, item: NavItem) -> None:
        if item not in self.nav:
            self.nav.append(item)
            self.nav.sort(key=lambda i: (i.face, i.order))

    def add_panel(self, panel: Panel) -> None:
        if panel not in self.panels:
            self.panels.append(panel)
            self.panels.sort(key=lambda p: (p.face, p.order))

    def nav_for(self, user: object, face: str) -> list[NavItem]:
        return [i for i in self.nav if i.face == face and user.has_perm(i.permission)]  # type: ignore[attr-defined]

    def panels_for(self, user: object, face: str) -> list[Panel]:
        return [p for p in self.panels if p.face == face and user.has_perm(p.permission)]  # type: ignore[attr-defined]


registry = Registry()
