"""English extraction, one pattern per test, on sentences written for these tests.

Each test states a general rule of how analysts read such reports; the
sentences use real-world figures but are our own wording.
"""

from __future__ import annotations

import pytest

from skyledger import extract


def claims(text: str, published: str | None = "2025-03-10"):
    return [c.format_dict() for c in extract(text, published, "en")]


def brief(text: str, published: str | None = "2025-03-10"):
    """(action, weapon, count) triples, the part of a claim the matching rule looks at."""
    return sorted((c["action"], c["weapon"], c["count"]) for c in claims(text, published))


# ---- counts --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "count"),
    [("seven", 7), ("twenty-three", 23), ("two dozen", 24), ("a dozen", 12), ("1,200", 1200),
     ("forty two", 42), ("one hundred and twelve", 112), ("3", 3)],
)
def test_counts_in_digits_and_words(phrase, count):
    text = f"Air defences shot down {phrase} Ukrainian drones over the Kursk region, the Russian Defence Ministry said."
    assert brief(text) == [("intercepted", "drone", count)]


@pytest.mark.parametrize(
    ("qualifier_phrase", "qualifier"),
    [("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"), ("about", "approx"),
     ("some", "approx"), ("nearly", "approx"), ("up to", "up_to"), ("as many as", "up_to")],
)
def test_qualifiers_before_the_count(qualifier_phrase, qualifier):
    text = f"Russia launched {qualifier_phrase} 40 drones at Ukraine overnight, the Ukrainian Air Force said."
    (c,) = claims(text)
    assert (c["count"], c["count_qualifier"]) == (40, qualifier)


def test_vague_quantities_are_not_figures():
    text = "Air defences destroyed dozens of drones and several missiles overnight, the governor said."
    assert claims(text) == []


def test_huge_digit_runs_are_not_counts():
    assert claims("Air defences shot down " + "9" * 40 + " drones.") == []


# ---- actions and voice ------------------------------------------------------------------
def test_active_and_passive_voice_give_the_same_claim():
    active = "Russian air defences intercepted 12 Ukrainian drones over the Bryansk region, the ministry said."
    passive = "Twelve Ukrainian drones were intercepted over the Bryansk region, the ministry said."
    assert brief(active) == brief(passive) == [("intercepted", "drone", 12)]


@pytest.mark.parametrize(
    ("sentence", "action"),
    [("Russia fired 6 cruise missiles at Lviv overnight, the Air Force said.", "launched"),
     ("Russia attacked Odesa with 9 Shahed drones, the Air Force said.", "launched"),
     ("Two guided bombs struck the city of Kramatorsk on Friday, the governor said.", "impacted"),
     ("Ten drones were locationally lost, the Ukrainian Air Force said.", "lost"),
     ("Four drones failed to reach their targets, the Ukrainian Air Force said.", "lost"),
     ("Air defences neutralised 33 drones over Kharkiv, the Air Force said.", "intercepted")],
)
def test_action_verbs(sentence, action):
    (c,) = claims(sentence)
    assert c["action"] == action


def test_negated_verb_gives_no_claim():
    text = "The Air Force did not say what happened to the two missiles that were not destroyed."
    assert claims(text) == []


def test_x_of_y_gives_a_launch_and_an_interception():
    text = "The Ukrainian Air Force said it shot down 51 of the 70 Shahed drones Russia launched overnight."
    assert brief(text) == [("intercepted", "drone", 51), ("launched", "drone", 70)]


def test_of_which_part_takes_the_weapon_of_its_total():
    text = "Russia launched 120 drones at Ukraine, of which 98 were shot down, the Ukrainian Air Force said."
    assert brief(text) == [("intercepted", "drone", 98), ("launched", "drone", 120)]


def test_all_n_shot_down_also_records_n_launched():
    text = "Ukraine's air defences shot down all 16 drones Russia launched overnight, the Air Force said on Sunday."
    assert brief(text) == [("intercepted", "drone", 16), ("launched", "drone", 16)]


def test_all_of_them_repeats_the_antecedent_count():
    text = "Russia fired 11 drones at the south overnight, and the Air Force intercepted all of them."
    assert brief(text) == [("intercepted", "drone", 11), ("launched", "drone", 11)]


def test_both_counts_two():
    text = "Russia launched 2 ballistic missiles and 20 drones, and air defences destroyed both missiles, the Air Force said."
    assert ("intercepted", "missile", 2) in brief(text)


def test_a_list_of_figures_shares_its_final_verb():
    text = "This week alone, more than 800 drones, about 1,000 guided aerial bombs and 50 missiles were used against Ukraine, Zelensky said."
    assert brief(text) == [("launched", "drone", 800), ("launched", "guided_bomb", 1000), ("launched", "missile", 50)]


# ---- singular mentions ---------------------------------------------------------------------
def test_singular_mentions_count_one_and_repeated_ones_stay_separate():
    text = ("Mayor Sergei Sobyanin said air defences shot down a drone flying towards Moscow. "
            "Later he said another drone had been downed, and then a third drone was shot down.")
    result = claims(text)
    assert [c["count"] for c in result] == [1, 1, 1]
    assert all(c["locations"] == ["Moscow"] for c in result[:1])


def test_a_new_missile_type_is_not_a_count():
    text = "Moscow is preparing an experimental missile, officials said."
    assert claims(text) == []


def test_weapon_word_modifying_another_noun_is_not_a_figure():
    assert claims("Russia launches another missile attack on Kharkiv") == []
    assert claims("Two drone strikes were reported near the border, officials said.") == []


# ---- totals and breakdowns ------------------------------------------------------------
def test_total_and_regional_breakdown_are_separate_claims_and_total_takes_their_places():
    text = ("Air defences destroyed 30 Ukrainian drones overnight, the Russian Defence Ministry said. "
            "It said 20 drones were shot down over the Belgorod region, seven over the Kursk region and three over Crimea.")
    result = claims(text)
    counts = sorted(c["count"] for c in result)
    assert counts == [3, 7, 20, 30]
    total = next(c for c in result if c["count"] == 30)
    assert sorted(total["locations"]) == ["Belgorod Oblast", "Crimea", "Kursk Oblast"]


def test_elliptical_parts_inherit_weapon_and_action():
    text = ("In the Voronezh region, 15 drones were shot down, while four fell to air defences in Lipetsk "
            "and one in Tambov, the ministry said.")
    result = claims(text)
    assert sorted((c["count"], c["action"], c["weapon"]) for c in result) == [
        (1, "intercepted", "drone"), (4, "intercepted", "drone"), (15, "intercepted", "drone")]


def test_breakdown_that_does_not_add_up_leaves_the_total_unplaced():
    text = ("The ministry said 50 Ukrainian drones were destroyed overnight. "
            "It said 20 were shot down over the Rostov region and 10 over the Volgograd region.")
    total = next(c for c in claims(text) if c["count"] == 50)
    assert total["locations"] == []


def test_list_lines_after_a_colon_are_parts():
    text = ("Russian Ministry of Defence:\n"
            "Overnight, air defence forces destroyed 9 Ukrainian UAVs:\n"
            "5 – over the territory of the Bryansk region,\n"
            "4 – over the territory of the Smolensk region.")
    result = claims(text)
    assert sorted(c["count"] for c in result) == [4, 5, 9]
    assert all(c["claimant"] == "Russian Ministry of Defence" for c in result)


# ---- attribution -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    ["Russia launched 25 drones overnight, the Ukrainian Air Force said on Monday.",
     "According to the Ukrainian Air Force, Russia launched 25 drones overnight.",
     "The Ukrainian Air Force said in a Telegram post that Russia launched 25 drones overnight.",
     "In a post on Telegram, the Air Force of Ukraine said Russia launched 25 drones overnight."],
)
def test_attribution_forms(sentence):
    (c,) = claims(sentence)
    assert (c["claimant"], c["claimant_side"], c["attacker_side"]) == ("Ukrainian Air Force", "UA", "RU")


def test_attribution_carries_to_the_next_sentence_only():
    text = ("Russia launched 40 drones overnight, the Ukrainian Air Force said. "
            "Of those, 35 were shot down over the Kyiv region. "
            "Markets were calm on Monday and the currency held steady against the dollar. "
            "Separately, a drone struck a warehouse in Odesa.")
    result = claims(text)
    by_count = {c["count"]: c for c in result}
    assert by_count[35]["claimant"] == "Ukrainian Air Force"
    assert by_count[1]["claimant"] is None


def test_pronoun_and_the_ministry_resolve_to_the_named_claimant():
    text = ("Russia's Defence Ministry said its air defences destroyed 14 Ukrainian drones. "
            "The ministry said 9 of them were downed over the Kursk region.")
    result = claims(text)
    assert {c["claimant"] for c in result} == {"Russian Ministry of Defence"}


def test_regional_official_figures_default_to_their_region():
    text = "Belgorod governor Vyacheslav Gladkov said air defences shot down 6 drones on Tuesday."
    (c,) = claims(text)
    assert c["locations"] == ["Belgorod Oblast"] and c["claimant_side"] == "RU" and c["attacker_side"] == "UA"


def test_media_relay_is_not_the_claimant():
    text = "Russia launched 17 drones at Ukraine overnight, the Ukrainian Air Force said, as reported by Reuters."
    (c,) = claims(text)
    assert c["claimant"] == "Ukrainian Air Force"


# ---- sides -----------------------------------------------------------------------------
def test_attacker_side_from_adjective_beats_claimant_inference():
    text = "Ukraine's Air Force said Russian forces fired 4 Iskander-M missiles, and 2 Ukrainian drones were lost."
    result = {c["count"]: c for c in claims(text)}
    assert result[4]["attacker_side"] == "RU" and result[4]["weapon_model"] == "Iskander-M"
    assert result[2]["attacker_side"] == "UA"


def test_weapon_aliases_normalise_to_one_model():
    for spelling in ("Geran-2", "Shahed-136", "Shahed 136"):
        (c,) = claims(f"Russia launched 12 {spelling} drones overnight, the Air Force said.")
        assert c["weapon_model"] == "Shahed-136/131"
    (c,) = claims("Ukraine's Air Force said it shot down 5 X-101 cruise missiles.")
    assert c["weapon_model"] == "Kh-101"


# ---- what is not a claim ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    ["Germany will deliver 100 missiles for air defence systems to Ukraine next month.",
     "The plant plans to produce 6,000 Shahed drones a year, the newspaper reported.",
     "Each drone costs about 20,000 dollars to build, analysts said.",
     "The strike killed 12 people and injured 40, officials said.",
     "Russia has a stockpile of some 900 missiles, intelligence estimates say.",
     "The country received 19 aircraft from Denmark last year."],
)
def test_deliveries_production_prices_stockpiles_and_casualties_are_not_claims(sentence):
    assert claims(sentence) == []


# ---- documents ---------------------------------------------------------------------------
def test_live_blog_items_do_not_leak_context():
    text = ("Ukraine says 60 drones shot down overnight\n"
            "The Ukrainian Air Force said it shot down 60 of 75 drones launched by Russia overnight.\n"
            "Moscow airports briefly closed\n"
            "Two Moscow airports suspended flights on Monday morning. Later, 3 drones were shot down near the city.\n")
    result = claims(text)
    late = [c for c in result if c["count"] == 3]
    assert late and late[0]["claimant"] is None


def test_read_next_sidebars_and_comment_prompts_are_never_extracted():
    text = ("Air defences shot down 8 drones over the Oryol region, the Russian Defence Ministry said.\n"
            "Read next\n"
            "Russia says it shot down 99 Ukrainian drones over the Black Sea\n"
            "What is your opinion on this topic?\n")
    assert brief(text) == [("intercepted", "drone", 8)]


def test_spans_cover_the_words_the_figure_was_read_from():
    text = "Russia launched 28 attack drones at Ukraine overnight, the Air Force said."
    (c,) = extract(text, "2025-03-10", "en")
    assert text[c.start:c.end] == "28 attack drones"
    assert c.quote == text
    assert c.extractor.startswith("skyledger.rules.")


def test_dates_resolve_against_publication_and_never_invent_a_year():
    text = "Russia launched 30 drones overnight, the Air Force said on Monday."
    (dated,) = claims(text, "2025-03-10")
    assert dated["date"] == "2025-03-10"
    (undated,) = claims(text, None)
    assert undated["date"] is None


# ---- more shapes seen in wire copy ---------------------------------------------------------
def test_x_of_y_takes_the_passive_after_the_total():
    text = "The air force said 6 of the 9 Kalibr cruise missiles launched from the Black Sea were intercepted."
    result = {c["count"]: c for c in claims(text)}
    assert result[6]["action"] == "intercepted" and result[6]["weapon_model"] == "Kalibr"
    assert result[9]["action"] == "launched" and result[9]["locations"] == ["Black Sea"]


def test_bare_total_after_out_of_is_the_launch_figure():
    text = "Ukraine's air force said it destroyed 58 drones out of the 90 launched, with another 29 drones lost to jamming."
    assert brief(text) == [("intercepted", "drone", 58), ("launched", "drone", 90), ("lost", "drone", 29)]


def test_n_of_them_is_a_part_of_the_figure_before():
    text = "Moscow said it had shot down 30 Ukrainian drones over Russian territory overnight, 12 of them over the Kursk region."
    result = {c["count"]: c for c in claims(text)}
    assert result[30]["locations"] == ["Russia"] and result[12]["locations"] == ["Kursk Oblast"]


def test_counts_after_a_colon_take_the_named_weapons():
    text = ("The largest group were Kh-101 and Kalibr cruise missiles: 60 were launched and 51 of them "
            "were destroyed, the Air Force said.")
    result = {c["count"]: c for c in claims(text)}
    assert (result[60]["action"], result[51]["action"]) == ("launched", "intercepted")
    assert result[60]["weapon_model"] == "Kh-101/Kalibr"


def test_a_single_and_got_through():
    text = "A single Zircon was intercepted, while one Iskander-M got through, the Air Force said."
    assert brief(text) == [("impacted", "missile", 1), ("intercepted", "missile", 1)]


def test_overnight_belongs_to_the_named_statement_day():
    text = "Russia launched 80 drones overnight, the Ukrainian Air Force said on Wednesday."
    (c,) = claims(text, "2025-06-01")  # a Sunday
    assert c["date"] == "2025-05-28"


def test_an_after_clause_without_its_own_source_is_background():
    text = "Leaders met in Brussels after Russia hit Kyiv with a new missile, a spokesman said."
    assert claims(text) == []
    text = "The attack came after a night in which Russia sent 90 drones, the Air Force said."
    assert brief(text) == [("launched", "drone", 90)]


def test_of_the_n_the_enemy_launched_then_parts():
    text = "The Air Force reported that of the 85 drones Russia launched, 62 were shot down and 20 disappeared from radar."
    assert brief(text) == [("intercepted", "drone", 62), ("launched", "drone", 85), ("lost", "drone", 20)]


def test_drones_entering_airspace_and_a_qualified_part():
    text = "Poland scrambled jets after 19 Russian drones violated its airspace, and at least four of them were shot down, Polish officials said."
    result = {c["count"]: c for c in claims(text)}
    assert result[19]["action"] == "launched" and result[19]["claimant_side"] == "other"
    assert (result[4]["action"], result[4]["count_qualifier"]) == ("intercepted", "at_least")


def test_bombs_dropped_and_casualty_clauses_do_not_carry_places():
    (c,) = claims("Russian troops dropped more than 70 guided aerial bombs on the Zaporizhzhia region on Monday.")
    assert (c["action"], c["weapon"], c["count_qualifier"], c["locations"]) == ("launched", "guided_bomb", "at_least", ["Zaporizhzhia Oblast"])
    result = claims("Russia struck Ukraine with 4 Iskander-M missiles overnight, wounding three people in Kharkiv.")
    assert result[0]["locations"] == ["Ukraine"]


def test_launch_directions_are_recorded_as_launch_places():
    text = "Russia launched 40 Shahed drones overnight from the directions of Kursk and Primorsko-Akhtarsk, the Air Force said."
    (c,) = extract(text, "2025-03-10", "en")
    assert c.launch_places == ("Kursk", "Primorsko-Akhtarsk")


def test_a_bare_city_is_a_region_only_inside_a_regional_breakdown():
    (c,) = claims("Russia launched 12 drones at Odesa overnight, the Air Force said.")
    assert c["locations"] == ["Odesa"]


def test_model_variant_suffixes_stay_with_the_model():
    text = "Russian air defences shot down two Ukrainian Neptune-MD long-range missiles over Crimea, the ministry said."
    (c,) = extract(text, "2025-03-16", "en")
    assert c.weapon_model == "Neptune" and text[c.start:c.end] == "two Ukrainian Neptune-MD long-range missiles"


def test_an_official_channels_own_post_is_its_claim():
    from skyledger import Document, extract_document

    doc = Document(doc_id="d1", text="Overnight, 40 drones were shot down over the north of the country.",
                   outlet="Повітряні сили ЗС України", published="2025-03-10")
    (c,) = extract_document(doc)
    assert (c.claimant, c.claimant_side, c.attacker_side) == ("Ukrainian Air Force", "UA", "RU")
    other = Document(doc_id="d2", text=doc.text, outlet="Skyledger Wire", published="2025-03-10")
    assert extract_document(other)[0].claimant is None
