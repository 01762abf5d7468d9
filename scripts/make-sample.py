#!/usr/bin/env python3
"""Writes examples/voorbeeldstichting.json: the built-in sample board of the lemniscaat command.

A maintainers' tool: the JSON is checked in and embedded in the binary; run this again only to
change the sample. Deterministic (no randomness)."""
import json, pathlib

AS_OF = "2026-11-30"
SY, PREV = "2026-2027", "2025-2026"

def app(cat, wtf, start, end=None, school=None):
    a = {"category": cat, "wtf": wtf, "start": start, "end": end}
    if school: a["school"] = school
    return a

def plan(pid, agreed, acts, goals, contribution="Past bij mijn ontwikkelwensen en bij de thema's van de school",
         status="agreed", evc=False, sk=False, approved="manager", ext=False):
    p = {"id": pid, "status": status, "agreed_on": agreed, "approved_by": approved, "activities": acts,
         "contribution": contribution, "evc_offered": evc, "startkwalificatie_offered": sk, "goals": goals}
    if ext: p["support_extension"] = True
    return p

def act(kind, name, hours, money, fac="Uren uit het basisrecht, kosten uit het basisrecht", aid=None):
    a = {"kind": kind, "name": name, "hours": hours, "money": money, "facilitation": fac}
    if aid: a["id"] = aid
    return a

def goal(gid, desc, links, measure="Zichtbaar bij twee lesbezoeken en in de leerlingenenquête", deadline="2027-07-15"):
    g = {"id": gid, "description": desc, "links": links}
    if measure: g["measure"] = measure
    if deadline: g["deadline"] = deadline
    return g
def conv(date, kind="development"): return {"date": date, "kind": kind}
def use(date, hours, money, activity, assigned=False, consent=False):
    return {"type": "usage", "date": date, "hours": hours, "money": money, "activity": activity, "assigned": assigned, "consent": consent}

E = []
def emp(eid, name, school, team, level, apps, plans, convs, ledger=(), last_evc=None, taak=None):
    e = {"id": eid, "name": name, "school": school, "team": team, "education_level": level, "last_evc": last_evc,
         "appointments": apps, "personal_plans": plans, "conversations": convs, "ledger": list(ledger)}
    if taak: e["taakbeleid"] = taak
    E.append(e)

std_goal = lambda n, link: [goal(f"PG{n}", "Mijn lessen beter afstemmen op verschillen", [link])]
# School S1: Voorbeeldcollege (havo/vwo)
emp("E01", "Anouk de Vries", "S1", "TM1", "wo", [app("teacher", "1", "2009-08-01")],
    [plan("PP01", "2025-09-20", [act("intervision", "Intervisie differentiëren", "12", "0"), act("course", "Cursus differentiëren in de wiskundeles", "16", "450")], std_goal(1, "G1"))],
    [conv("2026-10-06")], [use("2026-10-14", "16", "450", "CP1-A2"), use("2026-11-04", "6", "0", "CP1-A1")])
emp("E02", "Bram Jansen", "S1", "TM1", "wo", [app("teacher", "0.6", "2015-08-01")],
    [plan("PP02", "2024-10-01", [act("lesson_visit", "Lesbezoeken bij collega's", "8", "0"), act("literature_study", "Vakliteratuur over formatief evalueren", "10", "60")], [goal("PG2", "Formatief evalueren in elke les", ["G2"])])],
    [conv("2026-09-29")], [use("2026-09-15", "4", "60", "literatuur")])
emp("E03", "Charlotte Bakker", "S1", "TM2", "hbo", [app("teacher", "0.6", "2012-08-01", "2026-12-31"), app("teacher", "0.8", "2027-01-01")],
    [plan("PP03", "2025-06-10", [act("workshop", "Workshop leesbevordering", "6", "195"), act("practitioner_research", "Praktijkonderzoek leesmotivatie", "30", "0")], [goal("PG3", "Leesmotivatie in de onderbouw verhogen", ["G3"])])],
    [conv("2026-11-10")], [use("2026-10-02", "6", "195", "workshop leesbevordering")])
emp("E04", "Daan Visser", "S1", "TM2", "wo", [app("teacher", "1", "2008-08-01")],
    [plan("PP04", "2022-09-01", [act("degree_programme", "Master Nederlands", "60", "2400")], [goal("PG4", "Eerstegraads bevoegdheid halen", ["T1"])])],
    [conv("2026-02-12")], [use("2026-09-05", "20", "600", "master Nederlands")])
emp("E05", "Eva Smit", "S1", "TM1", "hbo", [app("teacher", "1", "2026-10-01")], [], [conv("2026-10-20", "introduction")])
emp("E06", "Floor Meijer", "S1", "TM3", "mbo2", [app("support", "0.5", "2018-01-01")],
    [plan("PP06", "2025-03-01", [act("e_learning", "E-learning roosterprogramma", "8", "150")], [goal("PG6", "Het roosterprogramma beheersen", ["G5"])])],
    [conv("2026-03-15")], [use("2026-10-20", "8", "150", "e-learning rooster")])
emp("E07", "Gijs de Boer", "S1", "TM3", "mbo1", [app("support", "1", "2016-04-01")],
    [plan("PP07", "2025-05-01", [act("training", "Startkwalificatie mbo-2 (BBL)", "40", "0", "Op kosten van de werkgever (17.3 lid 4)"), act("coaching", "Coaching door de teamleider", "6", "0")],
          [goal("PG7", "Diploma mbo-2 halen", ["G5"])], evc=True, sk=True)],
    [conv("2026-06-01")])
emp("E08", "Hanna Mulder", "S1", "TM1", "wo", [app("teacher", "0.8", "2010-08-01", "2027-01-31")],
    [plan("PP08", "2024-08-25", [act("conference", "Congres wiskundedidactiek", "8", "350")], [goal("PG8", "Nieuwe didactiek toepassen", ["G1"])])],
    [conv("2026-09-01")], [use("2026-11-20", "8", "200", "congres")])
emp("E09", "Ilse de Groot", "S1", "TM2", "wo", [app("teacher", "0.6", "2013-08-01", school="S1"), app("teacher", "0.6", "2019-08-01", school="S2")],
    [plan("PP09", "2025-01-20", [act("peer_review", "Collegiale visitatie", "10", "0")], [goal("PG9", "Feedback in de les", ["G3"])])],
    [conv("2026-01-25")])
emp("E10", "Jeroen Bos", "S1", "TM1", "wo", [app("teacher", "0.6", "2011-08-01"), app("support", "0.4", "2011-08-01")],
    [plan("PP10", "2024-09-10", [act("project", "Project digitale toetsing", "30", "0"), act("course", "Cursus toetsprogramma", "8", "250")], [goal("PG10", "Digitaal toetsen invoeren", ["T4"])])],
    [conv("2026-10-12")], [use("2026-10-30", "8", "250", "cursus toetsprogramma")])
emp("E11", "Karin Vos", "S1", "TM2", "wo", [app("teacher", "1", "2007-08-01")],
    [plan("PP11", "2023-12-15", [act("coaching", "Coaching startende collega's", "20", "0")], [goal("PG11", "Coach worden", ["G3"])])],
    [conv("2026-05-20")])
emp("E12", "Lars Peters", "S1", "TM1", "hbo", [app("teacher", "1", "2014-08-01")],
    [plan("PP12", "2025-10-01", [act("course", "Cursus klassenmanagement", "16", "495"), act("video_review", "Video-opname bespreken met een collega", "4", "0")], [goal("PG12", "Rust in de klas", ["T6"], measure=None)])],
    [conv("2026-10-01")],
    [{"type": "saving", "from": PREV, "until": SY, "units": ["money"], "basis": "right", "plan": "PP12", "cap": {"hours": None, "money": "500"}},
     use("2025-11-10", "10", "100", "cursus klassenmanagement"), use("2026-11-02", "16", "900", "cursus klassenmanagement")])
emp("E13", "Maud Hendriks", "S1", None, "wo", [app("management", "1", "2012-08-01")],
    [plan("PP13", "2025-08-30", [act("course", "Leergang schoolleiderschap", "40", "3500")], [goal("PG13", "Registratie schoolleider", ["T1"])])],
    [conv("2026-09-12")])
emp("E14", "Niels Dekker", "S1", "TM2", "wo", [app("teacher", "0.8", "2016-08-01")],
    [plan("PP14", "2025-04-15", [act("network_meeting", "Netwerk docenten Nederlands", "6", "75"), act("literature_study", "Vakliteratuur", "10", "40")], [goal("PG14", "Taalbeleid versterken", ["G4"])])],
    [conv("2026-04-12")], [use("2026-10-08", "6", "75", "netwerk")],
    taak=[{"school_year": SY, "component_d_hours": "40", "other_free_hours": "10"}])
emp("E15", "Olga van Leeuwen", "S1", "TM3", "havo", [app("support", "0.8", "2019-02-01")],
    [plan("PP15", "2025-11-01", [act("training", "Training mediawijsheid", "12", "300"), act("project", "Project digitale leermiddelen", "40", "0")], [goal("PG15", "Mediatheek vernieuwen", ["T4"])], ext=True)],
    [conv("2026-11-01")], [use("2026-11-12", "12", "300", "training mediawijsheid")])
emp("E16", "Pieter Willems", "S1", "TM1", "wo", [app("teacher", "1", "2005-08-01")],
    [plan("PP16", "2025-09-01", [act("learning_community", "Professionele leergemeenschap wiskunde", "20", "0")], [goal("PG16", "Samen lessen ontwerpen", ["G1"])])],
    [conv("2025-06-01")],
    [use("2026-10-01", "10", "0", "studiedag toetsing", assigned=True, consent=True),
     {"type": "facility", "date": "2026-11-18", "hours": "12", "money": "600", "activity": "verplichte training nieuw leerlingvolgsysteem"}])

# School S2: Vakcollege De Brug (vmbo)
emp("E17", "Quinten Koster", "S2", "TM4", "hbo", [app("teacher", "1", "2010-08-01")],
    [plan("PP17", "2025-02-01", [act("challenging_assignment", "Coördinator technieklab", "40", "0"), act("workshop", "Workshop lasrobot", "4", "220")], [goal("PG17", "Technieklab opzetten", ["G6"])])],
    [conv("2026-02-10")], [use("2026-09-20", "4", "220", "workshop lasrobot")])
emp("E18", "Roos Prins", "S2", "TM4", "hbo", [app("teacher", "0.6", "2017-08-01")],
    [plan("PP18", "2024-06-01", [act("course", "Cursus praktijkgericht toetsen", "16", "520")], [goal("PG18", "Praktijkexamens verbeteren", ["G6"])])],
    [conv("2026-06-03")])
emp("E19", "Sem van Dijk", "S2", "TM5", "hbo", [app("teacher", "0.8", "2014-08-01")],
    [plan("PP19", "2025-09-15", [act("intervision", "Intervisie zorgteam", "12", "0"), act("training", "Training gesprekstechnieken", "12", "600")], [goal("PG19", "Betere gesprekken met ouders", ["G7"])])],
    [conv("2026-09-20")], [use("2026-10-16", "12", "450", "training gesprekstechnieken")])
emp("E20", "Tess Maas", "S2", "TM5", "mbo4", [app("support", "0.6", "2015-08-01")],
    [plan("PP20", "2024-11-01", [act("course", "Cursus autisme in de klas", "12", "350")], [goal("PG20", "Leerlingen met autisme begeleiden", ["G7"])], evc=False)],
    [conv("2026-03-01")])
emp("E21", "Umut Yilmaz", "S2", "TM4", "mbo3", [app("support", "1", "2020-01-01")],
    [plan("PP21", "2025-01-10", [act("training", "VCA-training", "8", "180")], [goal("PG21", "Veilig werken in de werkplaats", ["G6"])])],
    [conv("2026-01-15")], [use("2026-09-10", "8", "180", "VCA")])
emp("E22", "Vera Jacobs", "S2", "TM5", "wo", [app("teacher", "1", "2006-08-01")],
    [plan("PP22", "2025-05-20", [act("critical_friend_visit", "Critical friend bij een andere vmbo-school", "8", "0"), act("conference", "Congres passend onderwijs", "8", "295")], [goal("PG22", "Zorgstructuur versterken", ["G7"])])],
    [conv("2026-05-25")])
emp("E23", "Wim Lammers", "S2", None, "wo", [app("management", "1", "2015-08-01")],
    [plan("PP23", "2024-09-01", [act("coaching", "Coaching leiderschap", "10", "1500")], [goal("PG23", "Koers vmbo", ["T3"])])],
    [conv("2026-09-05")])
emp("E24", "Xander Brouwer", "S2", "TM4", "hbo", [app("teacher", "0.5", "2018-08-01"), app("support", "0.3", "2021-08-01")],
    [plan("PP24", "2025-08-20", [act("job_rotation", "Meedraaien in het technieklab", "20", "0")], [goal("PG24", "Breder inzetbaar", ["G6"])])],
    [conv("2026-08-28")])
emp("E25", "Yara Wouters", "S2", "TM5", "hbo", [app("teacher", "1", "2026-08-01")],
    [], [conv("2026-09-30", "introduction")])
emp("E26", "Zoë Kuipers", "S2", "TM5", "hbo", [app("teacher", "0.4", "2016-08-01")],
    [plan("PP26", "2025-12-01", [act("student_survey", "Leerlingenquête over de lessen", "4", "0"), act("e_learning", "E-learning formatief evalueren", "8", "120")], [goal("PG26", "Feedback van leerlingen gebruiken", ["G7"])])],
    [conv("2026-11-25")])
emp("E27", "Bas Timmermans", "S2", "TM4", "hbo", [app("teacher", "1", "2011-08-01")],
    [plan("PP27", "2024-02-01", [act("innovation_project", "Innovatieproject hybride leren", "40", "0")], [goal("PG27", "Hybride leren in de bovenbouw", ["G6"])])],
    [conv("2026-04-01")])
emp("E28", "Carmen Verbeek", "S2", "TM5", "vmbo", [app("support", "0.6", "2019-09-01")],
    [plan("PP28", "2025-10-10", [act("training", "Training EHBO", "8", "150")], [goal("PG28", "EHBO-diploma", ["G7"])], evc=True)],
    [conv("2026-10-10")])
emp("E29", "Dirk van der Linden", "S2", "TM4", "hbo", [app("teacher", "1", "2009-08-01", "2026-07-31")],
    [plan("PP29", "2024-01-15", [act("course", "Cursus", "10", "300")], [goal("PG29", "x", ["G6"])])], [conv("2026-01-20")])
emp("E30", "Esra Demir", "S2", "TM5", "wo", [app("teacher", "0.8", "2021-08-01")],
    [plan("PP30", "2025-06-30", [act("apprenticeship", "Meester-gezel met een ervaren collega", "20", "0"), act("literature_study", "Vakliteratuur taalontwikkeling", "6", "45")], [goal("PG30", "Taalgericht vakonderwijs", ["T3"])])],
    [conv("2026-06-25")])

themes = [{"id": "T1", "name": "Omgaan met verschillen"}, {"id": "T2", "name": "Formatief evalueren"},
          {"id": "T3", "name": "Basisvaardigheden: taal en rekenen"}, {"id": "T4", "name": "Digitale geletterdheid"}]
kaders = [{"id": "K2024", "level": "board", "school": None, "status": "active", "agreed_on": "2024-06-15",
           "consultations": [{"body": "pgmr", "date": "2024-05-28"}],
           "goals": "De ontwikkeldoelen van de scholen en van de medewerkers hangen samen: elke medewerker kiest doelen die passen bij de thema's van de stichting.",
           "facilities": "Het basisrecht in tijd en geld, een stichtingsbudget voor collectieve scholing en uitgeroosterde studiemiddagen.",
           "demands_and_vision": "De inspectie en de regio vragen sterke basisvaardigheden en passend onderwijs; wij zien professionalisering als gezamenlijk leren in de school.",
           "sections": ["trends", "mission_vision_strategy", "hr_strategy", "themes", "vision_on_development", "embedding", "facilities_budgets", "accountability"],
           "themes": themes,
           "history": [{"from": "draft", "to": "submitted", "role": "hr", "date": "2024-04-20"},
                       {"from": "submitted", "to": "agreed", "role": "board", "date": "2024-06-15"},
                       {"from": "agreed", "to": "active", "role": "board", "date": "2024-08-01"}]}]

def cpa(aid, kind, name, hours, cost, years=(SY,)): return {"id": aid, "kind": kind, "name": name, "hours": hours, "cost": cost, "school_years": list(years)}
fac = lambda org, guid, time, money, repl: {"organisation": org, "guidance": guid, "time": time, "money": money, "replacement": repl}
cplans = [
 {"id": "CP1-2627", "school": "S1", "school_year": SY, "status": "agreed", "agreed_on": "2026-07-01",
  "consultations": [{"body": "pmr", "date": "2026-06-18"}],
  "themes": [
   {"theme": "T1", "target_groups": ["docenten onderbouw", "startende docenten"], "activities": [cpa("CP1-A1", "intervision", "Intervisie differentiëren", "12", "0"), cpa("CP1-A2", "course", "Cursus differentiëren", "16", "9600"), cpa("CP1-A3", "lesson_visit", "Lesbezoeken in tweetallen", "6", "0")],
    "facilities": fac("werkgroep differentiatie", "schoolopleider", "twee studiemiddagen", "schoolbudget", "niet nodig"), "evaluation": "Evaluatie in juni in de sectievergadering; verantwoording in het jaarverslag"},
   {"theme": "T2", "target_groups": ["alle docenten"], "activities": [cpa("CP1-A4", "study_day", "Studiedag formatief evalueren", "6", "4500"), cpa("CP1-A5", "project", "Pilot feedbackrondes in de bovenbouw", "20", "0")],
    "facilities": fac("projectgroep", "extern bureau", "studiedag", "stichtingsbudget", "roostervrij"), "evaluation": "Leerlingenquête en teamgesprek in mei"},
   {"theme": "T4", "target_groups": ["onderwijsondersteunend personeel", "docenten"], "activities": [cpa("CP1-A6", "e_learning", "E-learning digitale didactiek", "8", "2400"), cpa("CP1-A7", "classroom_practice", "Uitproberen in de eigen klas", "10", "0")],
    "facilities": fac("ict-coördinator", "ict-coaches", "taakuren", "ict-budget", "niet nodig"), "evaluation": "Verantwoording in het jaarverslag"}]},
 {"id": "CP2-2627", "school": "S2", "school_year": SY, "status": "agreed", "agreed_on": "2026-07-03",
  "consultations": [{"body": "pmr", "date": "2026-06-25"}],
  "themes": [
   {"theme": "T3", "target_groups": ["alle docenten"], "activities": [cpa("CP2-A1", "training", "Training taalgericht vakonderwijs", "12", "7200"), cpa("CP2-A2", "learning_community", "Leergemeenschap rekenen", "10", "0")],
    "facilities": fac("werkgroep basisvaardigheden", "taalcoördinator", "studiemiddagen", "16 uur geoormerkt", "niet nodig"), "evaluation": "Toetsresultaten taal en rekenen in juni"},
   {"theme": "T5", "name": "Burgerschap en sociale veiligheid", "target_groups": ["mentoren"], "activities": [cpa("CP2-A3", "workshop", "Workshop burgerschap", "4", "1800")],
    "facilities": fac("mentorencoördinator", None, "mentoruren", "schoolbudget", None), "evaluation": ""}]},
 {"id": "CP1-2526", "school": "S1", "school_year": PREV, "status": "completed", "agreed_on": "2025-07-02", "consultations": [{"body": "pmr", "date": "2025-06-20"}],
  "themes": [{"theme": "T1", "target_groups": ["docenten"], "activities": [cpa("CP1-B1", "course", "Cursus differentiëren", "16", "9000", (PREV,))], "facilities": fac("werkgroep", "schoolopleider", "studiemiddag", "schoolbudget", "niet nodig"), "evaluation": "juni"}]},
 {"id": "CP2-2526", "school": "S2", "school_year": PREV, "status": "completed", "agreed_on": "2025-07-04", "consultations": [{"body": "pmr", "date": "2025-06-26"}],
  "themes": [{"theme": "T3", "target_groups": ["docenten"], "activities": [cpa("CP2-B1", "training", "Training rekenen", "12", "5000", (PREV,))], "facilities": fac("werkgroep", "rekencoördinator", "studiemiddag", "schoolbudget", "niet nodig"), "evaluation": "juni"}]},
]
def tg(gid, desc, measure, deadline, owner, th): return {"id": gid, "description": desc, "measure": measure, "deadline": deadline, "owner": owner, "themes": th}
teams = [
 {"id": "TM1", "school": "S1", "name": "Sectie wiskunde", "plans": [{"school_year": SY, "goals": [tg("G1", "Differentiëren in drie niveaus", "In 80% van de lessen", "2027-06-30", "E01", ["T1"]), tg("G2", "Formatief evalueren met exit tickets", "Elke les een exit ticket", "2027-04-01", "E02", ["T2"])]}]},
 {"id": "TM2", "school": "S1", "name": "Sectie Nederlands", "plans": [{"school_year": SY, "goals": [tg("G3", "Leesmotivatie onderbouw verhogen", "Leerlingenquête +10%", "2027-06-30", "E03", ["T3"]), tg("G4", "Taalbeleid schoolbreed", "", None, "E14", ["T3", "T6"])]}]},
 {"id": "TM3", "school": "S1", "name": "Onderwijsondersteuning", "plans": [{"school_year": SY, "goals": [tg("G5", "Digitale vaardigheden OOP", "Iedereen certificaat", "2027-05-01", "E06", ["T4"])]}]},
 {"id": "TM4", "school": "S2", "name": "Team techniek", "plans": [{"school_year": SY, "goals": [tg("G6", "Technieklab in gebruik", "Elke klas 4 projecten", "2027-06-01", "E17", ["T6", "T4"])]}]},
 {"id": "TM5", "school": "S2", "name": "Team zorg en begeleiding", "plans": [{"school_year": SY, "goals": [tg("G7", "Passend onderwijs in de klas", "Minder doorverwijzingen", "2027-07-01", "E22", ["T1"])]}]},
]
def ce(stage, date, kind, roles, art=None):
    e = {"stage": stage, "date": date, "kind": kind, "roles": roles}
    if art: e["artefact"] = art
    return e
cycle = [ce("preparation", "2025-09-01", "completed", ["board", "hr"]), ce("strategic_exploration", "2025-09-20", "completed", ["board", "school_leader"]),
         ce("frameworks", "2026-01-20", "revisited", ["board", "pgmr"], "K2024"), ce("collective_plan", "2026-06-18", "completed", ["school_leader", "pmr"], "CP1-2627"),
         ce("collective_plan", "2026-06-25", "completed", ["school_leader", "pmr"], "CP2-2627"), ce("team_goals", "2026-09-15", "completed", ["team"]),
         ce("personal_goals", "2026-10-01", "started", ["employee", "manager"]), ce("execution", "2026-03-01", "completed", ["employee"]),
         ce("team_goals", "2025-09-25", "completed", ["team"]), ce("personal_goals", "2025-10-10", "completed", ["employee", "manager"])]
def lump(year, total, lines, dhc=None):
    d = {"year": year, "personele_lumpsum": total, "lines": lines}
    if dhc: d["default_hourly_cost"] = dhc
    return d
ds = {"as_of": AS_OF, "board": {"id": "B1", "name": "Stichting Voorbeeld Onderwijs"},
      "schools": [{"id": "S1", "name": "Voorbeeldcollege"}, {"id": "S2", "name": "Vakcollege De Brug"}],
      "kaders": kaders, "collective_plans": cplans, "teams": teams, "employees": E, "cycle_events": cycle, "lumpsum": None,
      "school_lumpsums": [
        {"school": "S1", "lumpsum": lump(2026, "6200000", [{"category": "fees", "money": "168000", "description": "cursussen en opleidingen"}, {"category": "trainers", "money": "54000"}, {"category": "general", "money": "21000", "description": "e-learninglicenties"}, {"category": "replacement", "money": "61000"}, {"category": "time", "hours": "5600", "description": "basisrecht en studiedagen"}], "62.50")},
        {"school": "S2", "lumpsum": lump(2026, "4100000", [{"category": "fees", "money": "96000"}, {"category": "trainers", "money": "31000"}, {"category": "travel", "money": "6500"}, {"category": "time", "hours": "3600", "hourly_cost": "60.00"}])}]}
out = pathlib.Path(__file__).resolve().parent.parent / "examples" / "voorbeeldstichting.json"
out.write_text(json.dumps(ds, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(out, len(E), "employees")
