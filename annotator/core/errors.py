"""Errors that reach the user as one clear line."""


class AnnotatorError(Exception):
    """A failure the user can act on; str(error) is the one-line message."""


class SpanError(AnnotatorError, ValueError):
    """A span that does not fit its document (offsets, text or label)."""


class ProjectError(AnnotatorError):
    """A project file that cannot be opened or written."""


class Interrupted(ProjectError):
    """A query stopped from another thread by Project.interrupt() (a newer keystroke in the filter box)."""


class InputError(AnnotatorError):
    """A file that cannot be imported; the message names the file."""


class OutputError(AnnotatorError):
    """An export that would write where it must not, or could not write; the message names the path."""


class RelationError(AnnotatorError, ValueError):
    """A relation its spans or the project's relation types do not allow."""
