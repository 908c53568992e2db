"""The settings a project keeps in its file, typed, each with its default in one place."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from annotator.store.project import Project


@dataclass(frozen=True)
class SyncTarget:
    """The Label Studio server and project a project syncs with (its token is kept outside the project)."""

    url: str
    project_id: int
    title: str
    user: str  # the email of the token's Label Studio user
    watermark: str = ""  # the server's time when the last sync began: pulls ask for tasks changed since


class ProjectSettings:
    """Read and write a project's settings as Python values (stored as text in the project)."""

    def __init__(self, project: Project):
        self.project = project

    @property
    def suggestions(self) -> bool:
        """Suggest on a document's first opening and after each new label."""
        return self.project.setting("suggestions", "on") == "on"

    @suggestions.setter
    def suggestions(self, on: bool) -> None:
        self.project.set_setting("suggestions", "on" if on else "off")

    @property
    def curator(self) -> str:
        """The annotator name adjudication writes its decisions under."""
        return self.project.setting("curator", "curator")

    @curator.setter
    def curator(self, name: str) -> None:
        self.project.set_setting("curator", name)

    @property
    def font_size(self) -> int:
        return int(self.project.setting("font_size", "14"))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.project.set_setting("font_size", str(int(size)))

    @property
    def repair_rules(self) -> str | None:
        """The project's own boilerplate rules (TOML), added to the default ones on import."""
        return self.project.setting("repair_rules")

    @repair_rules.setter
    def repair_rules(self, toml: str) -> None:
        self.project.set_setting("repair_rules", toml)

    @property
    def seeded(self) -> bool:
        """Whether the demo reports were put in (once, in a new default project)."""
        return self.project.setting("seeded") == "1"

    @seeded.setter
    def seeded(self, done: bool) -> None:
        self.project.set_setting("seeded", "1" if done else "")

    @property
    def sync_target(self) -> SyncTarget | None:
        stored = self.project.setting("sync_target")
        return SyncTarget(**json.loads(stored)) if stored else None

    @sync_target.setter
    def sync_target(self, target: SyncTarget) -> None:
        self.project.set_setting("sync_target", json.dumps(asdict(target), ensure_ascii=False))

    @property
    def sync_people(self) -> dict[str, str]:
        """Our annotators' Label Studio users: name -> email (their annotations there are that user's)."""
        return json.loads(self.project.setting("sync_people") or "{}")

    @sync_people.setter
    def sync_people(self, people: dict[str, str]) -> None:
        self.project.set_setting("sync_people", json.dumps(people, ensure_ascii=False, sort_keys=True))

    @property
    def retrain_after(self) -> int:
        """Train a model again after this many more documents are marked done (0: never by itself)."""
        return max(0, int(self.project.setting("retrain_after", "0") or 0))

    @retrain_after.setter
    def retrain_after(self, count: int) -> None:
        self.project.set_setting("retrain_after", str(max(0, int(count))))

    @property
    def trained_done(self) -> int:
        """How many documents were done when the last training began (what the retrain count starts from)."""
        return int(self.project.setting("trained_done", "0") or 0)

    @trained_done.setter
    def trained_done(self, count: int) -> None:
        self.project.set_setting("trained_done", str(int(count)))
