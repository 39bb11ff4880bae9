"""How free text becomes terms: synonym groups as one term, little words left out, repeats counted once."""

from search import text
from search.backends import base


def words_of(query):
    return [[" ".join(alternative.words) for alternative in term.alternatives] for term in text.parse(query).terms]


def test_little_words_are_left_out_when_other_words_remain():
    assert words_of("Polish speaking carer near me") == [
        ["polish"],
        ["carer", "care worker", "support worker", "carers"],
    ]
    assert words_of("Siaradwr Pwyleg sy'n gofalu") == [["siaradwr"], ["pwyleg"], ["gofalu"]]
    assert words_of("opiekunka mówiąca po polsku") == [["opiekunka"], ["polsku"]]


def test_only_little_words_are_kept_as_they_are():
    assert words_of("near me") == [["near"], ["me"]]


def test_a_synonym_phrase_is_one_term_even_with_a_little_word_inside():
    assert words_of("washing and dressing") == [["personal care", "washing and dressing"]]
    assert words_of("a personal assistant") == [["pa", "personal assistant", "personal assistants"]]


def test_a_word_asked_for_twice_counts_once():
    assert words_of("dementia Dementia DEMENTIA care") == [["dementia", "alzheimers", "memory loss"], ["care"]]


def test_at_most_eight_terms_are_kept():
    assert len(text.parse(" ".join(f"word{number}" for number in range(20))).terms) == text.MAX_TERMS


def test_one_more_word_matched_outweighs_everything_else_in_a_score():
    everything_else = text.MAX_TERMS * max(text.FIELD_WEIGHTS.values()) + base.blend(0, 0, True, True, 5)
    assert everything_else < text.MATCHED_WORD_WEIGHT


def test_typos_are_forgiven_by_word_length_as_elasticsearch_auto_fuzziness_does():
    vocabulary = {"pa", "po", "care", "cafe", "acre", "carers", "dementia", "demnetia", "dmentai", "dimantya", "autism"}
    assert text.near_words("pa", vocabulary) == {"pa"}
    assert text.near_words("care", vocabulary) == {"care", "cafe", "acre"}
    assert text.near_words("dementia", vocabulary) == {"dementia", "demnetia", "dmentai"}
    assert text.near_words("carres", vocabulary) == {"carers", "care"}
