"""The Ukrainian Air Force morning report, in full."""

from skyledger.extract import extract

REPORT = (
    "У ніч на 14 березня (з 18:00 13 березня) противник атакував 117 ударними БпЛА типу Shahed, Гербера та дронами-імітаторами "
    "різних типів з напрямків: Курськ, Орел, Міллерово, Приморсько-Ахтарськ, а також 3 балістичними ракетами Іскандер-М з Брянської області.\n"
    "Повітряний напад відбивали авіація, зенітні ракетні війська, підрозділи РЕБ та мобільні вогневі групи Повітряних Сил.\n"
    "За попередніми даними, станом на 08:30 протиповітряною обороною збито/подавлено 83 ворожі БпЛА на півночі, сході та півдні країни.\n"
    "Ще 29 ворожих дронів-імітаторів локаційно втрачені (без негативних наслідків).\n"
    "Зафіксовано влучання 5 ударних БпЛА на 3 локаціях.\n"
    "Атака триває, в повітрі ще 2 ворожі БпЛА.\n"
)


def _claims():
    return extract(REPORT, "2025-03-14", lang="uk")


def test_every_part_of_the_report():
    got = {(c.action, c.weapon, c.weapon_model, c.count) for c in _claims()}
    assert ("launched", "drone", "Shahed/Gerbera", 117) in got   # the named models of the total (decoys included)
    assert ("launched", "missile", "Iskander-M", 3) in got
    assert ("intercepted", "drone", None, 83) in got         # "збито/подавлено"
    assert ("lost", "drone", None, 29) in got                # "локаційно втрачені"
    assert ("impacted", "drone", None, 5) in got             # "зафіксовано влучання"
    assert not any(c.count == 2 for c in _claims())          # still in the air: not an event figure


def test_launch_directions_are_launch_places_not_locations():
    drones = next(c for c in _claims() if c.action == "launched" and c.weapon == "drone")
    assert set(drones.launch_places) >= {"Kursk", "Oryol", "Millerovo"}
    assert "Bryansk Oblast" not in drones.launch_places
    assert not set(drones.locations) & {"Kursk", "Oryol", "Millerovo"}
    missiles = next(c for c in _claims() if c.weapon == "missile")
    assert missiles.launch_places == ("Bryansk Oblast",)


def test_attack_window_and_sides():
    launched = next(c for c in _claims() if c.action == "launched" and c.weapon == "drone")
    assert launched.time_start == "2025-03-13T18:00"
    assert all(c.attacker_side == "RU" for c in _claims())
    assert all(c.date == "2025-03-14" for c in _claims())


def test_x_of_y_and_lost_with_claimant():
    text = ("Повітряні сили ЗСУ повідомили, що сили ППО знешкодили 41 з 60 ворожих безпілотників, "
            "ще 17 безпілотників були локаційно втрачені.")
    got = {(c.action, c.count, c.claimant) for c in extract(text, "2025-03-14", lang="uk")}
    assert got == {("intercepted", 41, "Ukrainian Air Force"), ("launched", 60, "Ukrainian Air Force"),
                   ("lost", 17, "Ukrainian Air Force")}


def test_regions_after_intercepted_figure():
    text = "Станом на 09:00 підтверджено збиття 24 ударних БпЛА у Київській, Житомирській та Вінницькій областях."
    c = extract(text, "2025-03-14", lang="uk")[0]
    assert (c.action, c.count, c.locations) == ("intercepted", 24, ("Kyiv Oblast", "Zhytomyr Oblast", "Vinnytsia Oblast"))


def test_did_not_reach_targets_is_lost():
    text = "Ще 12 ворожих ракет не досягли цілей, повідомили Повітряні сили."
    got = [(c.action, c.weapon, c.count) for c in extract(text, "2025-03-14", lang="uk")]
    assert got == [("lost", "missile", 12)]


def test_bulleted_totals_per_weapon_type():
    text = ("Всього зафіксовано 400 засобів повітряного нападу:\n– 390 ударних БпЛА типу Shahed;\n– 10 крилатих ракет Х-101.\n"
            "Загалом протиповітряною обороною знешкоджено 370 засобів повітряного нападу:\n– 6 крилатих ракет Х-101;\n"
            "– 364 БпЛА різних типів.")
    got = {(c.action, c.weapon, c.weapon_model, c.count) for c in extract(text, "2025-03-14", lang="uk")}
    assert got == {("launched", "other", None, 400), ("launched", "drone", "Shahed", 390), ("launched", "missile", "Kh-101", 10),
                   ("intercepted", "other", None, 370), ("intercepted", "missile", "Kh-101", 6), ("intercepted", "drone", None, 364)}


def test_of_total_written_first():
    text = "Речник Повітряних сил Юрій Ігнат зазначив, що з 50 ракет 44 було збито."
    got = {(c.action, c.count) for c in extract(text, "2025-03-14", lang="uk")}
    assert got == {("launched", 50), ("intercepted", 44)}


def test_command_zones_and_quoted_report():
    text = ("Про це повідомили Повітряні сили ЗСУ. «Знищено 30 крилатих ракет: 14 в зоні відповідальності командування «Центр», "
            "10 — «Південь», 6 — «Захід»», – йдеться у повідомленні.")
    got = {(c.count, c.locations, c.claimant) for c in extract(text, "2025-03-14", lang="uk")}
    assert (14, ("central Ukraine",), "Ukrainian Air Force") in got
    assert (10, ("southern Ukraine",), "Ukrainian Air Force") in got
    assert (6, ("western Ukraine",), "Ukrainian Air Force") in got


def test_combined_strike_header_origins_and_carried_model():
    text = ("У ніч на 3 квітня противник завдав комбінованого удару: 9 балістичних ракет Іскандер-М з Криму, Курської області, "
            "напрямків Таганрог і Міллерово та 120 ударних БпЛА типу Shahed.\n\n"
            "Вранці 3 квітня ворог завдав ракетного удару. Застосовано 5 крилатих ракет Х-101.\n"
            "Станом на 09:00 збито 5 крилатих ракет та 80 ударних БпЛА.")
    claims = extract(text, "2025-04-03", lang="uk")
    got = {(c.action, c.weapon_model, c.count, c.attacker_side) for c in claims}
    assert ("launched", "Iskander-M", 9, "RU") in got and ("launched", "Shahed", 120, "RU") in got
    assert ("launched", "Kh-101", 5, "RU") in got        # agent in the sentence before ("ворог завдав")
    assert ("intercepted", "Kh-101", 5, "RU") in got     # "5 крилатих ракет": the five launched Kh-101
    iskander = next(c for c in claims if c.weapon_model == "Iskander-M")
    assert set(iskander.launch_places) == {"Crimea", "Kursk Oblast", "Taganrog", "Millerovo"}
    assert iskander.locations == ()
