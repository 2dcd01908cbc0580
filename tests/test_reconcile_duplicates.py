"""Near-duplicate detection: syndicated copies count as one source."""

from __future__ import annotations

from accord.model import Article
from accord.reconcile.duplicates import near_duplicates, source_of

BASE = (
    "Harbour officials in Port Amsel said on Tuesday that the ferry service to the islands would "
    "resume next week after a storm damaged the main pier, and that repairs had cost the town "
    "council more than it had planned for the whole year."
)


def test_reconcile_syndicated_copy_maps_to_the_earlier_article() -> None:
    original = Article.from_text(BASE, published="2024-01-02")
    copy = Article.from_text(
        "Ferry to resume\n" + BASE + " Reporting by a wire.", published="2024-01-03"
    )
    other = Article.from_text(
        "The island ferry returns next week, the council said, blaming a storm for the delay."
    )
    duplicates = near_duplicates([copy, original, other])
    assert duplicates == {copy.id: original.id}
    assert source_of(copy.id, duplicates) == original.id
    assert source_of(other.id, duplicates) == other.id


def test_reconcile_light_rewrite_is_a_copy() -> None:
    original = Article.from_text(BASE)
    rewrite = Article.from_text(BASE.replace("said on Tuesday", "announced Tuesday"))
    assert near_duplicates([original, rewrite]) == {rewrite.id: original.id}
