"""File > Sync with Label Studio: the server, the token and the project (remembered after the first sync)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit


class SyncDialog(QDialog):
    def __init__(self, url: str, token: str, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync with Label Studio"))
        form = QFormLayout(self)
        self.url = QLineEdit(url, objectName="syncUrl", placeholderText="http://localhost:8080")
        form.addRow(self.tr("Server"), self.url)
        self.token = QLineEdit(token, objectName="syncToken", echoMode=QLineEdit.Password)
        self.token.setToolTip(self.tr("Your Label Studio access token (Account & Settings); kept in your config "
                                      "folder, readable only by you, never in the project"))
        form.addRow(self.tr("Token"), self.token)
        self.title = QLineEdit(title, objectName="syncProject")
        form.addRow(self.tr("Project"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        """The server's URL, the token and the project's title, as typed."""
        return self.url.text().strip(), self.token.text().strip(), self.title.text().strip()
