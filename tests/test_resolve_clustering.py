"""Cross-article resolution on hand-made articles with fictional people and real places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.model import Analysis
from accord.resolve import explain, resolve
from test_resolve_helpers import M, article, entity_of

if TYPE_CHECKING:
    from spacy.language import Language


def test_every_mention_gets_an_entity() -> None:
    a = article("a", M("Ilse Varga"), M("Valdoria", "GPE"), M("Northern Council", "ORG"))
    entities = resolve([a])
    assert all(m.entity for m in a.mentions)
    assert len(entities) == 3


def test_translit_variants_across_articles_merge_and_keep_every_alias() -> None:
    a = article("a", M("Konstantin Mentorov", chain=1), M("Mentorov", chain=1))
    b = article("b", M("Konstantin Medorov"))
    c = article("c", M("Kostyantyn Medorov"))
    entities = resolve([a, b, c])
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1
    assert set(people[0].aliases) == {
        "Konstantin Mentorov",
        "Mentorov",
        "Konstantin Medorov",
        "Kostyantyn Medorov",
    }


def test_same_first_name_with_different_surnames_stays_apart() -> None:
    a = article("a", M("Vasil Petrenko"))
    b = article("b", M("Vasil Pavlenko"))
    resolve([a, b])
    assert entity_of(a, "Vasil Petrenko") != entity_of(b, "Vasil Pavlenko")


def test_surname_that_looks_like_another_persons_first_name_stays_apart() -> None:
    a = article("a", M("Oren Dariusz"))
    b = article("b", M("Dariusz Kowal"))
    resolve([a, b])
    assert entity_of(a, "Oren Dariusz") != entity_of(b, "Dariusz Kowal")


def test_weak_name_match_merges_only_with_agreeing_roles() -> None:
    a = article("a", M("Omarev", titles=["Transport Minister"]))
    b = article("b", M("Talgat Umarev", titles=["Transport Minister"]))
    resolve([a, b])
    assert entity_of(a, "Omarev") == entity_of(b, "Talgat Umarev")
    c = article("c", M("Omarev"))
    d = article("d", M("Talgat Umarev"))
    resolve([c, d])
    assert entity_of(c, "Omarev") != entity_of(d, "Talgat Umarev")


def test_conflicting_roles_block_a_translit_merge() -> None:
    a = article("a", M("Mentorov", titles=["Deputy Transport Minister"]))
    b = article("b", M("Medorov", titles=["Transport Minister"]))
    resolve([a, b])
    assert entity_of(a, "Mentorov") != entity_of(b, "Medorov")


def test_surname_alone_joins_the_only_matching_full_name() -> None:
    a = article("a", M("Ilse Varga"))
    b = article("b", M("Varga"))
    resolve([a, b])
    assert entity_of(a, "Ilse Varga") == entity_of(b, "Varga")


def test_a_surname_with_its_particle_capitalised_joins_the_full_name() -> None:
    # a sentence start capitalises the particle: "De Varga" is "Ilse de Varga", not a person
    # whose given name is "De"; the entity keeps the full name
    a = article("a", M("Ilse de Varga"), M("De Varga"))
    b = article("b", M("De Varga"))
    names = {e.id: e.name for e in resolve([a, b])}
    assert entity_of(a, "Ilse de Varga") == entity_of(a, "De Varga") == entity_of(b, "De Varga")
    assert names[str(entity_of(b, "De Varga"))] == "Ilse de Varga"


def test_ambiguous_surname_stays_alone() -> None:
    a = article("a", M("Ilse Varga"))
    b = article("b", M("Tomas Varga"))
    c = article("c", M("Varga"))
    resolve([a, b, c])
    ids = {entity_of(a, "Ilse Varga"), entity_of(b, "Tomas Varga"), entity_of(c, "Varga")}
    assert len(ids) == 3


def test_a_surname_with_a_title_joins_the_one_full_name_of_its_gender() -> None:
    a = article("a", M("Tomas Varga"))
    b = article("b", M("Michelle Varga"))
    c = article("c", M("Varga", titles=["Mr."]))
    resolve([a, b, c])
    assert entity_of(c, "Varga") == entity_of(a, "Tomas Varga")


def test_a_bare_surname_joins_the_name_the_corpus_is_about() -> None:
    """A report that writes only "Horvath" means the Horvath the other reports name ten times
    as often; one that names two Horvaths in full, neither at its top, and then "Horvath" says
    nothing of which."""

    def corpus() -> list[Analysis]:
        many = [article(f"t{k}", M("Tomas Horvath")) for k in range(12)]
        return [*many, article("anna", M("Anna Horvath"))]

    bare = article("bare", M("Horvath"))
    entities = {e.id: e for e in resolve([*corpus(), bare])}
    assert entities[entity_of(bare, "Horvath") or ""].name == "Tomas Horvath"
    both = article(
        "both",
        M("Tomas Horvath", paragraph=4),
        M("Anna Horvath", paragraph=5),
        M("Horvath", paragraph=6),
    )
    resolve([*corpus(), both])
    assert len({m.entity for m in both.mentions}) == 3


def test_two_people_of_one_article_never_merge() -> None:
    a = article("a", M("Ilse Varga"), M("Ilsa Varga"))
    resolve([a])
    assert entity_of(a, "Ilse Varga") != entity_of(a, "Ilsa Varga")


def test_places_link_to_geonames_by_alternate_name() -> None:
    a = article("a", M("Bombay", "GPE"), M("Lvov", "GPE"))
    b = article("b", M("Mumbai", "GPE"), M("Lviv", "GPE"))
    entities = resolve([a, b])
    by_name = {e.name: e for e in entities}
    assert by_name["Mumbai"].links["geonames"] == "1275339"
    assert set(by_name["Mumbai"].aliases) == {"Mumbai", "Bombay"}
    assert entity_of(a, "Lvov") == entity_of(b, "Lviv") == by_name["Lviv"].id


def test_place_labelled_person_is_retyped_and_not_merged_with_a_person() -> None:
    a = article("a", M("Lviv", "PERSON"))
    b = article("b", M("Lviv", "GPE"), M("Anton Lvivsky"))
    entities = resolve([a, b])
    assert entity_of(a, "Lviv") == entity_of(b, "Lviv")
    assert entity_of(a, "Lviv") != entity_of(b, "Anton Lvivsky")
    assert {e.id: e.type for e in entities}[entity_of(a, "Lviv") or ""] == "GPE"


def test_familiar_given_name_and_a_dropped_initial_join_across_articles() -> None:
    a = article("a", M("Bill Ostrander"))
    b = article("b", M("William Ostrander"))
    c = article("c", M("J. Ilse Varga"))
    d = article("d", M("Ilse Varga"))
    resolve([a, b, c, d])
    assert entity_of(a, "Bill Ostrander") == entity_of(b, "William Ostrander")
    assert entity_of(c, "J. Ilse Varga") == entity_of(d, "Ilse Varga")


def test_two_generations_of_one_name_never_merge_even_through_the_plain_name() -> None:
    a = article("a", M("Ken Ostrander Sr."))
    b = article("b", M("Ken Ostrander Jr."))
    c = article("c", M("Ken Ostrander"))
    resolve([a, b, c])
    assert entity_of(a, "Ken Ostrander Sr.") != entity_of(b, "Ken Ostrander Jr.")
    assert entity_of(c, "Ken Ostrander") in {
        entity_of(a, "Ken Ostrander Sr."),
        entity_of(b, "Ken Ostrander Jr."),
    }


def test_acronym_joins_its_only_expansion() -> None:
    a = article("a", M("Northern Trade Council", "ORG"))
    b = article("b", M("NTC", "ORG"))
    resolve([a, b])
    assert entity_of(a, "Northern Trade Council") == entity_of(b, "NTC")


def test_country_and_its_capital_stay_apart() -> None:
    a = article("a", M("Portugal", "GPE"), M("Lisbon", "GPE"))
    resolve([a])
    assert entity_of(a, "Portugal") != entity_of(a, "Lisbon")


def test_ids_are_stable_for_the_same_input() -> None:
    def run() -> list[str]:
        a = article("a", M("Ilse Varga"), M("Lisbon", "GPE"))
        b = article("b", M("Varga"), M("Ilse Varga"))
        return [e.id for e in resolve([a, b])]

    assert run() == run()
    assert "person-ilse-varga" in run()


def test_explain_names_the_rule_and_the_aliases() -> None:
    a = article("a", M("Konstantin Mentorov"))
    b = article("b", M("Konstantin Medorov"))
    entity = next(e for e in resolve([a, b]) if e.type == "PERSON")
    text = explain(entity)
    assert "Konstantin Mentorov" in text and "Konstantin Medorov" in text
    assert "name_translit" in text and "nt>d" in text


def test_demonyms_are_nationalities_not_people() -> None:
    a = article("a", M("Norwegians", "PERSON"), M("Norway", "GPE"))
    b = article("b", M("Norwegian", "NORP"))
    entities = {e.id: e for e in resolve([a, b])}
    norp = entities[entity_of(a, "Norwegians") or ""]
    assert norp.type == "NORP" and norp.links["country"] == "NO"
    assert entity_of(b, "Norwegian") == norp.id
    assert entity_of(a, "Norway") != norp.id


def test_seat_of_government_is_an_organisation_apart_from_its_city() -> None:
    a = article("a", M("Downing Street", "FAC"), M("London", "GPE"))
    b = article("b", M("Downing Street", "PERSON"))
    entities = {e.id: e for e in resolve([a, b])}
    seat = entities[entity_of(a, "Downing Street") or ""]
    assert seat.type == "ORG" and seat.links["country"] == "GB"
    assert entity_of(b, "Downing Street") == seat.id != entity_of(a, "London")


def test_short_name_of_a_thing_joins_its_only_long_name() -> None:
    a = article("a", M("Valdoria Harbour Authority", "ORG"), M("Harbour Authority", "ORG"))
    b = article("b", M("Valdoria Harbour Authority", "ORG"))
    c = article("c", M("Harbour Authority", "ORG"))
    resolve([a, b, c])
    assert entity_of(a, "Harbour Authority") == entity_of(a, "Valdoria Harbour Authority")
    assert entity_of(c, "Harbour Authority") == entity_of(b, "Valdoria Harbour Authority")


def test_short_name_with_two_long_candidates_stays_apart() -> None:
    a = article("a", M("Valdoria Harbour Authority", "ORG"))
    b = article("b", M("Ostmark Harbour Authority", "ORG"))
    c = article("c", M("Harbour Authority", "ORG"))
    resolve([a, b, c])
    assert entity_of(c, "Harbour Authority") not in {
        entity_of(a, "Valdoria Harbour Authority"),
        entity_of(b, "Ostmark Harbour Authority"),
    }


def test_country_and_demonym_in_roles_are_one_affiliation() -> None:
    a = article("a", M("Omarev", titles=["Norway's Transport Minister"]))
    b = article("b", M("Talgat Umarev", titles=["the Norwegian transport minister"]))
    resolve([a, b])
    assert entity_of(a, "Omarev") == entity_of(b, "Talgat Umarev")


def test_different_affiliations_block_a_weak_match() -> None:
    a = article("a", M("Omarev", roles=["the leader of the Norwegian delegation"]))
    b = article("b", M("Talgat Umarev", roles=["the leader of the Danish delegation"]))
    resolve([a, b])
    assert entity_of(a, "Omarev") != entity_of(b, "Talgat Umarev")


def test_weak_surname_with_the_same_given_names_merges() -> None:
    a = article("a", M("Greta van der Laiden"))
    b = article("b", M("Greta van der Leyden"))
    c = article("c", M("Marta van der Leyden"))
    resolve([a, b, c])
    assert entity_of(a, "Greta van der Laiden") == entity_of(b, "Greta van der Leyden")
    assert entity_of(c, "Marta van der Leyden") != entity_of(b, "Greta van der Leyden")


def test_ambiguous_surname_goes_to_the_candidate_of_its_story() -> None:
    a = article(
        "a", M("Ilse Varga"), M("Lisbon", "GPE"), M("Harbour Board", "ORG"), M("Nils Brandt")
    )
    b = article("b", M("Tomas Varga"), M("Quito", "GPE"))
    c = article("c", M("Varga"), M("Lisbon", "GPE"), M("Harbour Board", "ORG"), M("Nils Brandt"))
    resolve([a, b, c])
    assert entity_of(c, "Varga") == entity_of(a, "Ilse Varga")


def test_surname_mislabelled_by_the_ner_joins_the_full_name_of_its_article() -> None:
    a = article("a", M("Ilse Varga"), M("Varga", "ORG"), M("Lisbon", "ORG"))
    entities = {e.id: e for e in resolve([a])}
    assert entity_of(a, "Varga") == entity_of(a, "Ilse Varga")
    assert entities[entity_of(a, "Varga") or ""].type == "PERSON"
    assert entity_of(a, "Lisbon") != entity_of(a, "Ilse Varga")


def test_find_entities_by_id_or_any_alias() -> None:
    from accord.resolve import find_entities

    a = article("a", M("Konstantin Mentorov"))
    b = article("b", M("Konstantin Medorov"))
    entities = resolve([a, b])
    person = next(e for e in entities if e.type == "PERSON")
    assert find_entities(entities, person.id) == [person]
    assert find_entities(entities, "konstantin mentorov") == [person]
    assert find_entities(entities, "Nobody") == []


def test_titles_inside_the_mention_stay_out_of_the_name() -> None:
    a = article("a", M("Transport Minister Talgat Umarev"))
    b = article("b", M("Talgat Umarev"))
    entities = resolve([a, b])
    person = next(e for e in entities if e.type == "PERSON")
    assert person.name == "Talgat Umarev" and person.aliases == ["Talgat Umarev"]
    assert entity_of(a, "Transport Minister Talgat Umarev") == entity_of(b, "Talgat Umarev")


def test_small_place_tagged_person_does_not_join_a_lookalike_person() -> None:
    a = article("a", M("Bakhmut", "PERSON"))
    b = article("b", M("Ivan Bakhmutov"))
    resolve([a, b])
    assert entity_of(a, "Bakhmut") != entity_of(b, "Ivan Bakhmutov")


def test_generic_institution_is_not_short_for_another_countrys() -> None:
    a = article("a", M("Norwegian Transport Ministry", "ORG"))
    b = article("b", M("Transport Ministry", "ORG"))
    resolve([a, b])
    assert entity_of(b, "Transport Ministry") != entity_of(a, "Norwegian Transport Ministry")


def test_person_named_like_an_alternate_name_of_a_mid_size_city_stays_a_person() -> None:
    # GeoNames lists "Manning" among the alternate names of Wanning (China, about 550,000
    # people): a lone surname the NER calls a person is no reason to take it for that city.
    a = article("a", M("Manning"), M("Colts", "ORG"))
    entities = resolve([a])
    assert {e.id: e.type for e in entities}[entity_of(a, "Manning") or ""] == "PERSON"


def test_person_labelled_exonym_of_a_big_city_is_still_the_city() -> None:
    a = article("a", M("Bombay", "PERSON"))
    entities = resolve([a])
    assert {e.id: e.type for e in entities}[entity_of(a, "Bombay") or ""] == "GPE"


def test_a_things_name_written_by_one_article_only_is_not_its_canonical_name() -> None:
    # "Considering Lionsgate" is a span the NER cut wrong; two reports write "Lionsgate".
    a = article("a", M("Considering Lionsgate", "ORG"), M("Lionsgate", "ORG"))
    b = article("b", M("Lionsgate", "ORG"))
    entities = {e.id: e for e in resolve([a, b])}
    assert entities[entity_of(b, "Lionsgate") or ""].name == "Lionsgate"


def test_an_acronyms_expansion_stays_the_canonical_name() -> None:
    a = article("a", M("Northern Trade Council", "ORG"), M("NTC", "ORG"))
    b = article("b", M("NTC", "ORG"))
    entities = {e.id: e for e in resolve([a, b])}
    assert entities[entity_of(b, "NTC") or ""].name == "Northern Trade Council"


def test_a_persons_full_name_given_once_stays_the_canonical_name() -> None:
    a = article("a", M("Ilse Varga"), M("Varga"))
    b = article("b", M("Varga"))
    entities = {e.id: e for e in resolve([a, b])}
    assert entities[entity_of(b, "Varga") or ""].name == "Ilse Varga"


def test_organisations_are_cities_only_when_prominent() -> None:
    """An acronym or a surname the NER tags ORG is not the small town GeoNames spells alike
    ("UN" is not Un, India; "Teixeira" not Tapejara, Brazil, one of whose old names it is); a
    government named by its seat is its city."""
    a = article("a", M("UN", "ORG"), M("Teixeira", "ORG"), M("Summit", "ORG"))
    b = article("b", M("Washington", "ORG"), M("Moscow", "ORG"))
    by_name = {e.name: e for e in resolve([a, b])}
    assert {"UN", "Teixeira", "Summit"} <= set(by_name)
    assert not any("geonames" in by_name[n].links for n in ("UN", "Teixeira", "Summit"))
    assert by_name["Washington"].links["geonames"] == "4140963"
    assert by_name["Moscow"].links["geonames"] == "524901"


def test_a_surname_of_another_gender_joins_no_full_name_in_its_article() -> None:
    """ "Mr. Varga" is not Michelle Varga, the article's only full name with that surname,
    by the surname rule or by a chain; "Ms. Kovacs" is Michelle Kovacs."""
    a = article("a", M("Michelle Varga"), M("Varga", titles=["Mr."]))
    b = article("b", M("Michelle Kovacs", chain=0), M("Kovacs", chain=0, titles=["Mr."]))
    c = article("c", M("Michelle Kovacs"), M("Kovacs", titles=["Ms."]))
    resolve([a, b, c])
    assert a.mentions[1].entity != a.mentions[0].entity
    assert b.mentions[1].entity != b.mentions[0].entity
    assert c.mentions[1].entity == c.mentions[0].entity


def test_two_full_names_of_one_person_join_within_an_article() -> None:
    """ "Tomas J. Varga", "Tomas Varga" and "Varga" in one article are one person, and stay
    one with the "Tomas Varga" of another article; "Peter Horvath" beside "Peter K. Horvath"
    and "Peter L. Horvath" could be either and joins neither."""
    a = article("a", M("Tomas J. Varga"), M("Tomas Varga"), M("Varga"))
    b = article("b", M("Tomas Varga"))
    c = article("c", M("Peter K. Horvath"), M("Peter L. Horvath"), M("Peter Horvath"))
    resolve([a, b, c])
    assert len({m.entity for m in a.mentions} | {m.entity for m in b.mentions}) == 1
    assert len({m.entity for m in c.mentions}) == 3


def test_a_persons_name_is_the_full_name_most_articles_write() -> None:
    """Not the longest one: one article's "Tomas J. Varga" or an NER span that took in a
    word before the name ("Crooked Tomas Varga")."""
    a = article("a", M("Tomas J. Varga"))
    b = article("b", M("Tomas Varga"))
    c = article("c", M("Tomas Varga"))
    d = article("d", M("Crooked Tomas Varga"), M("Varga"))
    entities = {e.id: e for e in resolve([a, b, c, d])}
    assert len(entities) == 1
    (varga,) = entities.values()
    assert varga.name == "Tomas Varga"


def test_a_surname_joins_the_one_full_name_of_its_gender_among_several() -> None:
    """ "Mrs. Varga" beside Tomas Varga and Michelle Varga is Michelle, wherever they stand;
    "Varga" alone, or "Mrs. Kovacs" beside two women named Kovacs, stays apart when neither
    is introduced in the opening paragraphs (no principal, see the next test); so does "Mrs.
    Horvath" beside Tomas Horvath and Kim Horvath, whose first name tells no gender, even
    with Tomas introduced first."""
    later = 4  # a paragraph after the opening
    a = article(
        "a",
        M("Tomas Varga", paragraph=later),
        M("Michelle Varga", paragraph=later),
        M("Varga", titles=["Mrs."], paragraph=later),
    )
    plain = article(
        "p",
        M("Tomas Varga", paragraph=later),
        M("Michelle Varga", paragraph=later),
        M("Varga", paragraph=later),
    )
    b = article(
        "b",
        M("Anna Kovacs", paragraph=later),
        M("Michelle Kovacs", paragraph=later),
        M("Kovacs", titles=["Mrs."], paragraph=later),
    )
    c = article("c", M("Tomas Horvath"), M("Kim Horvath"), M("Horvath", titles=["Mrs."]))
    resolve([a, plain, b, c])
    tomas, michelle, mrs = (m.entity for m in a.mentions)
    assert mrs == michelle != tomas
    assert plain.mentions[2].entity not in (tomas, michelle)
    assert b.mentions[2].entity not in (b.mentions[0].entity, b.mentions[1].entity)
    assert c.mentions[2].entity not in (c.mentions[0].entity, c.mentions[1].entity)


def test_a_bare_surname_joins_the_person_the_article_introduces_first_at_its_top() -> None:
    """News introduces its subject in full at the top, then calls them by surname; a relative
    who comes up is named in full every time. "Horvath" is Tomas Horvath, introduced in the
    opening before Anna Horvath; nobody is the principal where the first full name stands
    further down ("Kovacs"), and a title of the other gender keeps the surname from the
    principal ("Mrs. Varga" beside Tomas Varga, introduced first, and Kim Varga)."""
    a = article(
        "a",
        M("Tomas Horvath", paragraph=1),
        M("Horvath", paragraph=2),
        M("Anna Horvath", paragraph=5),
        M("Horvath", paragraph=6),
    )
    b = article("b", M("Ilse Kovacs", paragraph=4), M("Jan Kovacs", paragraph=5), M("Kovacs"))
    c = article("c", M("Tomas Varga"), M("Kim Varga"), M("Varga", titles=["Mrs."]))
    resolve([a, b, c])
    tomas, bare, anna, later = (m.entity for m in a.mentions)
    assert bare == later == tomas != anna
    assert len({m.entity for m in b.mentions}) == 3
    assert len({m.entity for m in c.mentions}) == 3
    evidence = {ev.rule for e in resolve([a]) for ev in e.evidence}
    assert "principal_surname" in evidence


def test_a_word_of_a_longer_name_is_no_city_by_another_of_its_names() -> None:
    """GeoNames lists "Lester" among Leicester's names and "Angeles" among Angeles City's: in
    an article that writes "Lester Varga" or "Los Angeles" the word is that name's short form,
    not the city. Another name alone finds a large city ("Rangoon" is Yangon), not a small
    town ("Valley" is not The Valley, Anguilla)."""
    a = article("a", M("Lester Varga", "ORG"), M("Lester", "GPE"), M("Valley", "LOC"))
    b = article("b", M("Los Angeles", "GPE"), M("Angeles", "GPE"))
    c = article("c", M("Rangoon", "GPE"))
    entities = {e.id: e for e in resolve([a, b, c])}
    assert "geonames" not in entities[entity_of(a, "Lester") or ""].links
    assert "geonames" not in entities[entity_of(a, "Valley") or ""].links
    assert entity_of(b, "Angeles") == entity_of(b, "Los Angeles")
    assert entities[entity_of(c, "Rangoon") or ""].name == "Yangon"


def test_short_name_of_two_different_things_links_neither() -> None:
    """ "Herald" stands for the Valdoria Herald in one report and the Herald Trust in another:
    a third report's bare "Herald" joins neither, and the two stay apart."""
    a = article("a", M("Valdoria Herald", "ORG"), M("Herald", "ORG"))
    b = article("b", M("Herald Trust", "ORG"), M("Herald", "ORG"))
    c = article("c", M("Herald", "ORG"))
    resolve([a, b, c])
    assert entity_of(a, "Valdoria Herald") != entity_of(b, "Herald Trust")
    assert entity_of(c, "Herald") not in (entity_of(a, "Herald"), entity_of(b, "Herald"))


def test_short_name_of_one_thing_still_links_across_articles() -> None:
    a = article("a", M("Valdoria Herald", "ORG"), M("Herald", "ORG"))
    b = article("b", M("Herald", "ORG"))
    resolve([a, b])
    assert entity_of(b, "Herald") == entity_of(a, "Valdoria Herald")


def test_short_name_with_a_longer_name_of_its_own_attaches_to_no_other() -> None:
    """ "Supreme Court" joined the "Northern Supreme Court" of its report; a second report's
    "Coastal Supreme Court" is another court."""
    a = article("a", M("Northern Supreme Court", "ORG"), M("Supreme Court", "ORG"))
    b = article("b", M("Coastal Supreme Court", "ORG"), M("Court", "ORG"))
    c = article("c", M("Supreme Court", "ORG"))
    resolve([a, b, c])
    assert entity_of(a, "Northern Supreme Court") != entity_of(b, "Coastal Supreme Court")


def test_short_name_written_alone_joins_its_dominant_owner_only() -> None:
    """The story's "Valdoria Herald" is named far more often than the "Herald Trust" of one
    report: a bare "Herald" is the story's paper, and the trust stays apart."""
    a = article(
        "a",
        M("Valdoria Herald", "ORG", chain=1),
        M("Herald", "ORG", chain=1),
        M("Herald", "ORG", chain=1),
    )
    b = article("b", M("Valdoria Herald", "ORG", chain=1), M("Herald", "ORG", chain=1))
    c = article("c", M("Herald Trust", "ORG", chain=1), M("Herald", "ORG", chain=1))
    d = article("d", M("Herald", "ORG"))
    resolve([a, b, c, d])
    assert entity_of(d, "Herald") == entity_of(a, "Valdoria Herald")
    assert entity_of(c, "Herald Trust") != entity_of(a, "Valdoria Herald")


def test_a_body_of_an_organisation_is_no_long_form_of_it() -> None:
    """A committee of a chamber is not the chamber, a school of a university not the
    university: "Senate" and "Orlek" stay apart from the longer names that add such a body.
    A name that adds only what kind of thing it is still has its short form."""
    a = article(
        "a",
        M("Senate Budget Committee", "ORG"),
        M("Senate", "ORG"),
        M("Orlek Law School", "ORG"),
        M("Orlek", "ORG"),
        M("Varnby University", "ORG"),
        M("Varnby", "ORG"),
    )
    b = article("b", M("Senate Budget Committee", "ORG"), M("Budget Committee", "ORG"))
    c = article("c", M("Senate", "ORG"))
    resolve([a, b, c])
    assert entity_of(a, "Senate") != entity_of(a, "Senate Budget Committee")
    assert entity_of(c, "Senate") != entity_of(a, "Senate Budget Committee")
    assert entity_of(a, "Orlek") != entity_of(a, "Orlek Law School")
    assert entity_of(a, "Varnby") == entity_of(a, "Varnby University")
    assert entity_of(b, "Budget Committee") == entity_of(b, "Senate Budget Committee")


def test_a_common_noun_an_adjective_made_a_name_is_no_sure_short_form() -> None:
    """ "Chamber" is not surely the "Blue Chamber" (the adjective is what names it), so it
    joins neither that nor the report's other chamber; "Herald" is the "Valdoria Herald"."""
    a = article("a", M("Blue Chamber", "ORG"), M("Chamber", "ORG"))
    b = article("b", M("Blue Chamber", "ORG"), M("Chamber of Trade", "ORG"), M("Chamber", "ORG"))
    c = article("c", M("Valdoria Herald", "ORG"), M("Herald", "ORG"))
    resolve([a, b, c])
    assert entity_of(a, "Chamber") != entity_of(a, "Blue Chamber")
    assert entity_of(b, "Chamber") not in (
        entity_of(b, "Blue Chamber"),
        entity_of(b, "Chamber of Trade"),
    )
    assert entity_of(c, "Herald") == entity_of(c, "Valdoria Herald")


def test_what_qualifies_a_place_is_no_short_form_of_it() -> None:
    """ "North" in a report of "North Florida" is a direction, not that region."""
    a = article("a", M("North Florida", "LOC"), M("North", "LOC"))
    resolve([a])
    assert entity_of(a, "North") != entity_of(a, "North Florida")


def test_a_lower_case_word_begins_no_short_form() -> None:
    """A span the NER began too early ("state Department of Revenue") has no short form
    "State Department"."""
    a = article("a", M("state Department of Revenue", "ORG"), M("State Department", "ORG"))
    resolve([a])
    assert entity_of(a, "State Department") != entity_of(a, "state Department of Revenue")


def test_the_principal_is_introduced_in_the_body_not_the_headline(nlp: Language) -> None:
    """A title-case headline's names are no introduction: "Horvath" in the body is the mayor
    the body introduces first, not his sister whom the headline names first. A first line that
    is a sentence is no such headline."""
    from accord.analyze import analyze_articles
    from accord.model import Article

    text = (
        "Ilse Horvath Backs Port Plan\n\n"
        "Mayor Tomas Horvath opened the new port in Kalm on Monday.\n\n"
        "His sister Ilse Horvath, a shipping lawyer, attended the opening.\n\n"
        "Horvath said the port would double its traffic by 2030."
    )
    article = Article.from_text(text, title="Ilse Horvath Backs Port Plan")
    (analysis,) = analyze_articles([article], nlp)
    assert isinstance(analysis, Analysis)
    resolve([analysis])
    entity = {m.start: m.entity for m in analysis.mentions}
    assert entity[text.index("Horvath said")] == entity[text.index("Tomas Horvath")]
    assert entity[text.index("Horvath said")] != entity[text.index("Ilse Horvath,")]
    # a first line that is a sentence, no title-case headline, introduces its names
    lead = "Mayor Tomas Horvath opened the new port in Kalm on Monday."
    text = (
        f"{lead}\n\nHis sister Ilse Horvath, a shipping lawyer, attended the opening.\n\n"
        "Horvath said the port would double its traffic by 2030."
    )
    (analysis,) = analyze_articles([Article.from_text(text, title=lead)], nlp)
    assert isinstance(analysis, Analysis)
    resolve([analysis])
    entity = {m.start: m.entity for m in analysis.mentions}
    assert entity[text.index("Horvath said")] == entity[text.index("Tomas Horvath")]
