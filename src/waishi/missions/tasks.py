"""Background tasks of the missions area (run by ``db_worker``; at once in tests)."""

from django.tasks import task


@task
def render_approval_document(document_id: int) -> str:
    """Draw and store the PDF of an issued approval document; returns its SHA-256."""
    from .approval import do_render_approval_document

    document = do_render_approval_document(document_id=document_id)
    return document.sha256 if document is not None else ""
