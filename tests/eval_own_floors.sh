#!/bin/bash
# eval_own_floors.sh FOIAMINE — CTest `eval_own_dev_floors`.
#
# Extraction on the project's own labeled real documents (eval/real-extra,
# the `dev` split; the held-out split is reported by bench/eval_sets.sh, never
# asserted, so nothing is tuned against it) must not fall below the floors
# below. The set lives in the repository, so this runs everywhere, CI included.
set -euo pipefail

# ---- FLOORS: the one place to edit them. ------------------------------------
# Measured 2026-12-01, tenth session (123 dev documents of 190, sixteenth batch included):
# P=0.790 R=0.789 (found 553, labels 554); the same 123 scored 0.780 / 0.782 at the session's start.
# 2026-12-01, eleventh session: the repeated sentences the labellers had left out were labelled
# (eval/real-extra/README.md, "Label corrections"): the same extraction scores 0.816 / 0.792 on 562;
# with the seventeenth batch's 7 dev documents (fresh: 0.39 / 0.34 for the whole batch), 130 dev
# documents score 0.797 / 0.773 (586 labels). With the eighteenth batch's 8 dev documents (fresh:
# 0.47 / 0.38 for the whole batch) and this session's rules, 138 dev documents: 0.810 / 0.775 (610).
# (The eleventh to sixteenth batches, scored fresh before any change for them,
# scored P 0.47 / R 0.33, 0.43 / 0.47, 0.75 / 0.72, 0.30 / 0.32, 0.59 / 0.40
# and 0.66 / 0.76 alone.)
# 2026-12-01, twelfth session: batches 19-22 (fresh: 0.30 / 0.38, 0.65 / 0.59, 0.40 / 0.44 and
# 0.48 / 0.45 for each whole batch) add 27 dev documents; with this session's rules the 165 dev
# documents score 0.789 / 0.756 (712 labels), and the 7 D.C. law-vs-practice pairs labelled across batches
# (eval/real-extra/README.md) are found 4 of 6 (the scorer counts a pair of documents once per topic).
# 2026-12-01, thirteenth session: batches 23-25 (fresh: 0.30 / 0.27, 0.48 / 0.37 and 0.32 / 0.18 for
# each whole batch) add 22 dev documents; with this session's rules the 187 dev documents score
# 0.780 / 0.757 (769 labels), the same false pairs as before (2). Batches 26-27 (fresh: 0.42 / 0.22 and
# 0.53 / 0.26) add 13 more dev documents; with this session's rules the 200 dev documents score 0.775 / 0.740
# (815 labels). Recall floor 0.74 -> 0.72: the new rows are fresh documents that score about 0.3 alone, not
# a regression (the same rules score 0.780 / 0.759 on the 187 documents before them).
# Batches 28-29 (hearing records and Spanish texts; fresh: 0.39 / 0.45 and 0.00 / 0.00) add 11 dev
# documents: 211 dev documents score 0.772 / 0.740 (828 labels) with the Spanish vocabulary added for them.
# Batches 30-31 (agreements; D.C. records; fresh: 0.89 / 0.88 and 0.58 / 0.70) add 12 dev documents, and the
# D.C. divergence labels were completed across batches (45 rows, eval/real-extra/divergences-dc-notes.md): 223 dev
# documents score 0.787 / 0.754 (935 labels), pairs 10 of 22, the same 2 false pairs as before.
# Batch 32 (Illinois police statements and two Chicago orders; fresh 0.49 / 0.49) adds 8: 231 dev documents,
# 0.789 / 0.747 (963 labels).
# The floors sit about 0.02-0.03 under: a change that costs more is a regression
# to explain, not noise (they were 0.78 / 0.76 before the three fresh batches came in).
# Fourteenth session: batches 33-36 (whole state statutes and sheriffs' texts; fresh 0.50 / 0.44, 0.80 / 0.71,
# 0.29 / 0.48, 0.69 / 0.45) add 32 dev documents: 263 dev documents score 0.777 / 0.741 (1,058 labels) with the
# rules at the session's start and 0.793 / 0.756 after it; D.C. pairs 10 -> 14 of 22, the same 2 false pairs.
# Fifteenth session: batches 39-40 (whole New York bills set in capitals, Missouri, Florida, South Carolina
# sections, Maryland police orders, 287(g) and detention agreements; fresh 0.31 / 0.15 and 0.53 / 0.30) add 13 dev
# documents: 286 dev documents score 0.765 / 0.699 (1,204 labels) with the rules at the session's start and
# 0.771 / 0.734 after it; the 263 documents of the session's start 0.780 / 0.741 -> 0.780 / 0.746. Floors
# 0.77 / 0.73 -> 0.76 / 0.72: the new rows are fresh documents, not a regression. Two labellers of the same
# documents agree at P 0.64 / R 0.80 (eval/real-extra/agreement/README.md): no floor should sit near that.
# Seventeenth session: batches 43-44 (state statutes, local codes, corrections policies, old hospital-deportation
# laws; fresh 0.17 / 0.13 and 0.10 / 0.09) add 14 dev documents: 308 dev documents score 0.760 / 0.730 (1,243
# labels); the 294 of the session's start 0.763 / 0.730 -> 0.769 / 0.736. Floor P 0.76 -> 0.75: the new rows are
# fresh documents, not a regression.
# Eighteenth session: batch 45 (sheriffs' pages, a letter and a column on their jails and ICE, Tucson police rules as
# reported, New Haven's General Order 06-2 and the mayor's release; fresh 0.44 / 0.28) adds 6 dev documents: 314 dev
# documents score 0.754 / 0.722 (1,271 labels) with the rules at the session's start (85b77aa) and 0.760 / 0.732 after it.
# Nineteenth session: batches 46-48 (town codes, a village policy, NRS 228.206, police e-mail and policies; council
# minutes and sheriffs' records; laws only; fresh 0.66 / 0.46, 0.39 / 0.19, 0.59 / 0.68) add 22 dev documents: 336 dev
# documents score 0.756 / 0.715 (1,345 labels) with the rules at the session's start (a40ad09; 3 false pairs, one a
# Colorado state-agency law against a county sheriff) and 0.766 / 0.735 after it (2 false pairs).
# Twentieth session: batches 49-57 (laws; police policies; press releases, 287(g) request letters, steering-committee
# slides and other records; 287(g) agreements; fresh 0.68 / 0.52, 0.50 / 0.57, 0.14 / 0.16, 0.53 / 0.53, 0.00 / 0.00,
# 0.87 / 0.94, 0.40 / 0.13, 0.55 / 0.47, 0.48 / 0.52) add 56 dev documents: 392 dev documents score 0.750 / 0.710
# (1,542 labels, 29 false pairs) with the rules at the session's start (27818b9) and 0.764 / 0.732 after it (2 false
# pairs; 12 divergence labels copied onto D.C. Law 23-282, whose section 3 is the Code text already labelled).
# Twenty-first session: batches 58-60 (laws, mostly 2026 Maryland bills; practice records; police and jail policies,
# mostly as reported in the news; fresh 0.69 / 0.39, 0.22 / 0.42, 0.29 / 0.13) add 20 dev documents: 412 dev
# documents score 0.750 / 0.711 (1,630 labels) with this session's rules as they stood at the merge (the session's
# start scored the old 392 at 0.764 / 0.732). Citation precision (`sections`, the share of matched labels with a
# numbered section that the clause cites alike) 0.667. Batches 61-63 (a short laws batch, a short practice batch, D.C.
# documents; fresh 0.33 / 0.40, no binding label, 0.36 / 0.29; 18 divergence rows for batch 63 added by a labeller
# who did not run foiamine) bring the dev split to 422 documents: 0.751 / 0.717 at the end of the session, pairs 27/42,
# sections cited alike 0.684.
# Twenty-seventh session: batches 64-65 (agency policy and practice records, as reported; laws and bills of thin
# states; fresh, together, 0.53 / 0.45) bring the dev split to 436 documents: 0.766 / 0.727 (1,692 labels) with the
# rules as they stood at the merge (the 422 before them: 0.770 / 0.737). Batches 66-67 (the D.C. region's county
# releases, sheriffs' and county pages; county and city ordinances and resolutions; fresh, together, 0.37 / 0.27) bring
# it to 450 documents: 0.760 / 0.719 (1,731 labels) at their merge. Batches 68-69 (the agencies' own minutes, columns
# and reports; Spanish texts; fresh 0.21 / 0.23 and 0.00 / 0.00 on their few dev labels) bring it to 460 documents:
# 0.757 / 0.720 (1,745 labels) at their merge.
# Twenty-eighth session: batches 70-72 (jail and sheriff practice in thin states, as reported; federal and Connecticut
# laws; the D.C. region's statements and releases; fresh, together, 0.32 / 0.37) bring it to 479 documents: 0.746 /
# 0.715 (1,803 labels) at their merge, 0.748 / 0.717 after the rules their dev rows taught. Batches 73-75 (a sheriff's
# 287(g) request letter and a city page; laws of thin states; governments' own records of practice; fresh, together,
# 0.31 / 0.23) bring it to 492 documents: 0.745 / 0.718 (1,820 labels) at their merge, 0.747 / 0.719 after.
# Twenty-ninth session: batch 76 (transcripts, an open-records e-mail, testimony as reported, a Spanish near-miss; fresh
# 0.10 / 0.33 on its 3 dev labels) brings it to 496 documents: 0.748 / 0.727 (1,823 labels) at its merge. Batch 77
# (whole New York bills of 2023; fresh 0.52 / 0.41) brings it to 500 documents: 0.744 / 0.720 (1,862 labels) at its
# merge.
# Thirtieth session: batches 78-79 (police policy as agencies state it and as reported; whole Washington and Maryland
# bills of 2025-2026; fresh, together, 0.53 / 0.59) bring it to 512 documents: 0.740 / 0.716 (1,931 labels) at their
# merge. Batches 80-81 (courts' and corrections' texts; records of practice, mostly as reported; fresh, together, 0.33 /
# 0.31) bring it to 523 documents: 0.734 / 0.712 (1,969 labels) at their merge. Precision floor 0.74 -> 0.73: the new
# rows are fresh documents of practice that score about 0.3 alone, not a regression of the rules (the 512 before them
# scored 0.741 / 0.720 with the same binary). Batches 82-83 (schools', colleges' and hospitals' policies; mayors' and
# county executives' orders, mostly as their releases; fresh, together, 0.34 / 0.35) bring it to 537 documents: 0.725 /
# 0.705 (2,014 labels) at their merge, the 523 before them 0.738 / 0.713 with the same binary (e5d7b35). Precision
# floor 0.73 -> 0.72 for the same reason. Batches 84-85 (the federal side: the detainer form, ICE's guidance and
# directives, DOJ letters; officials' accounts of detainer practice as reported; fresh, together, 0.21 / 0.26) bring it
# to 551 documents: 0.708 / 0.687 (2,095 labels) at their merge, the 537 before them 0.731 / 0.704 with the same
# binary (57f0940). Floors 0.72 -> 0.70 (precision) and 0.70 -> 0.68 (recall) for the same reason.
# Thirty-first session: batches 86-88 (laws of Iowa, New York, Texas, Missouri; jails' and sheriffs' practice in five
# states as reported; state attorneys general's opinions, bulletins and letters; fresh, together, 0.38 / 0.31) bring it
# to 569 documents: 0.711 / 0.686 (2,145 labels) at their merge, the 551 before them 0.718 / 0.696 with the same binary
# (ed753ab). Floors unchanged.
# Thirty-fourth and thirty-fifth sessions: batches 89-96 (sheriffs' and jails' practice as reported; bills and statutes;
# police orders, three in Spanish; records of practice; state statutes; local measures as reported; fresh, batch by
# batch of three or two, 0.33 / 0.27, 0.36 / 0.33 and 0.53 / 0.32) bring it to 638 documents: 0.696 / 0.669 (2,462
# labels) with the rules alone at b3334a1, the 603 of the thirty-fifth session's start 0.712 / 0.687 ->
# 0.713 / 0.690 with the same binary. Floors 0.70 -> 0.68 (precision) and 0.68 -> 0.65 (recall): the new rows are fresh
# documents that score about 0.3-0.5 alone, not a regression of the rules.
# Thirty-sixth session: batches 97-102 (state statutes; 287(g) agreements and agency rules; Spanish news copies; records
# of public meetings; Spanish texts of governments; D.C. records of 2025-2026; fresh, two batches at a time, 0.46 / 0.45,
# 0.25 / 0.18 and 0.33 / 0.34) bring it to 680 documents: 0.685 / 0.659 (2,590 labels) with the rules alone at the
# session's end; the 638 of its start 0.696 / 0.670 -> 0.696 / 0.671. Floors unchanged.
# Thirty-seventh session: batches 103-112 (agencies' pages on their states' laws; records of practice: TRUTH Act forums,
# state reports, auditors' letters, news of jails' detainer practice; four 2025 287(g) agreements and three laws; local
# measures in their own words; sheriffs' own statements; D.C. Councilmembers' records and news of D.C.'s practice;
# state guidance and corrections rules; Spanish news; hearing testimony and board records; correspondence; fresh,
# 103-105 together 0.73 / 0.56 (without the agreements 0.40 / 0.32), 106-107 0.33 / 0.22, 108-110 0.38 / 0.20, 111-112
# 0.29 / 0.28) bring it to 741 documents: 0.677 / 0.640 (2,866 labels) with the rules alone at their merge, 0.677 /
# 0.642 at the session's end; the 680 of the session's start 0.685 / 0.659 (c8bfd4e) -> 0.687 / 0.667. Floors 0.68 ->
# 0.66 (precision) and 0.65 -> 0.62 (recall): the new rows are fresh documents that score about 0.2-0.5 alone, not a
# regression of the rules.
# Thirty-eighth session: batches 113-124 (a sheriff's custody orders; police orders; laws; reports of practice; D.C.
# records, court opinions and news; federal records; local governing bodies' decisions; Spanish texts; state
# corrections; municipal codes; legislative records; fresh, batch by batch, 0.2-0.6 with the rules alone, Urbana's
# Lexipol manual 0.86 / 0.73) bring it to 812 documents: 0.664 / 0.613 (3,173 labels) with the rules alone at their
# merge, 0.664 / 0.616 after this session's rules for them; the 741 of the session's start 0.677 / 0.642 (12abeec) ->
# 0.678 / 0.646. Floor 0.62 -> 0.60 (recall): the new rows are fresh documents, not a regression of the rules.
# Batches 125-130 (sheriffs' 287(g) programs as reported; courts; universities, hospitals and a library; anti-sanctuary
# compliance; records of 1985-2008; agencies' e-mails as reported; fresh 0.3-0.6 / 0.03-0.35) bring it to 860
# documents: 0.660 / 0.590 (3,460 labels) at their merge, 0.660 / 0.591 after this session's rules for them; the 812
# before them 0.666 / 0.617 -> 0.665 / 0.618, the 741 of the session's start 0.678 / 0.646. Floor 0.60 -> 0.58
# (recall), for the same reason, and 0.66 -> 0.65 (precision): 0.660 at the session's end, on the floor.
# Batches 131-136 (regions: Washington and Oregon; Texas, Oklahoma, Arkansas, Louisiana; the Northeast; the Midwest; the
# Southeast; the Mountain West and Pacific; mostly news of agencies new to the set; fresh 0.2-0.6 / 0.1-0.4) bring it
# to 907 documents: 0.650 / 0.568 (3,731 labels) at their merge; the 860 before them 0.660 / 0.592, the 741 of the
# session's start 0.678 / 0.646. Floors 0.65 -> 0.64 (precision) and 0.58 -> 0.56 (recall), for the same reason.
# Thirty-ninth session: batches 137-142 (D.C. records, mostly news of 2018-2026; jails' agreements and practice as
# reported; California's TRUTH Act forums, councils and sheriffs as reported; legislative records of ten states;
# Spanish texts; 287(g) agreements and federal forms; fresh 0.31-0.55 / 0.08-0.50, the agreements 0.96 / 0.68) bring it
# to 944 documents: 0.649 / 0.560 (3,932 labels) with the rules alone at their merge (e3f12f5's rules); the 907 before
# them 0.650 / 0.568 with the same binary. Floors 0.64 -> 0.63 (precision) and 0.56 -> 0.54 (recall): the new rows are
# fresh documents, not a regression of the rules.
# Batches 143-148 (police departments' pages and policies as reported; schools' and colleges' policies; state attorneys
# general's guidance as reported; courts and courthouses as reported; local measures as reported; transit, health,
# labour and parks agencies; fresh 0.25-0.60 / 0.11-0.38 on their dev rows) bring it to 982 documents: 0.649 / 0.549
# (4,087 labels) with the rules alone at their merge (1137d2e's rules); the 944 before them 0.654 / 0.562 with the same
# binary. Floor 0.54 -> 0.53 (recall), for the same reason.
# Fortieth session: no new documents; the rules of six parallel worktrees, one per group of topics, each change with
# an example that fails without it, merged: the 982 dev documents 0.650 / 0.552 -> 0.695 / 0.593 (rules alone), the
# held-out split, never tuned on, 0.522 / 0.427 -> 0.538 / 0.439. Floors 0.63 -> 0.67 (precision) and 0.53 -> 0.57
# (recall), about 0.02-0.025 under, as before.
# Forty-first session: no new documents; nine parallel worktrees' rules (each change gaining in two documents or more)
# and a layout fix for bills in capitals: the 982 dev documents 0.695 / 0.593 -> 0.716 / 0.620 (rules alone), the
# held-out split 0.538 / 0.439 -> 0.541 / 0.444. Floors 0.67 -> 0.69 (precision) and 0.57 -> 0.60 (recall).
CLAUSE_P_MIN=0.69
CLAUSE_R_MIN=0.60
SECTIONS_MIN=0.65
# Labelled law-vs-practice pairs found (of 42 on the dev side): the D.C. Code against D.C. DOC's and MPD's reported
# practice. 33 found since the twenty-second session (a reporter's story on the 2019 emergency act, read as the act until
# then, is practice, and its "ICE pick-ups" are handed over); three under.
PAIRS_MIN=30
# No divergence pair across jurisdictions or unlabeled, but for the ones foiamine finds today: D.C. Code
# 24-211.07(d)(1) of 2012 (no ICE office, booth or interview room in the jail) against the D.C. DOC's
# reported pickups of inmates by ICE inside the jail (2016-2019). One topic (facility_access), one place,
# another act: pairs are made per topic, and the labeller judged the acts different. The same disagreement a third
# time since batch 63: the 2012 section against Councilmember Allen's 2019 account of the same pickups.
# Since the twenty-second session four more, one record against four law texts: that same story's "The agreement ...
# gives Immigration and Customs Enforcement ... access to the DC Jail 'at all times'" (facility_access) against the
# 2012 section's (d)(1) and the later texts' (a)(4)(C). The labeller rejected them (divergences-dc-notes.md, R5: the
# agreement is the U.S. Marshals' and the later texts except federal detainees), an exception foiamine does not read;
# the same change found six labelled pairs.
# Twenty-eighth session, three more, one record against the three D.C. law texts: a news report quoting the MPD
# chief's 2025 order ("can provide 'transportation for federal immigration agency employees and detained subjects'",
# enforcement_assistance) against (a)(4)(A) (space to house people for ICE) and (a)(4)(D) (release for transfer into
# ICE custody). The labellers hold that no act of the text forbids transport (divergences-dc-notes.md, on the older
# report of the same order, which foiamine does not pair only because that report names no agency it can place);
# pairs are per topic, so another act of the same topic pairs. Telling acts apart within a topic is noted as open.
# Twenty-ninth session, three more, one record against the same three law texts: a 2010 news report of the MPD
# assistant chief's testimony, "The District sits on law enforcement task forces, such as the Joint Terrorism Task
# Force, with ICE agents" (enforcement_assistance, labelled as a report), against (a)(4)(A) and (a)(4)(D). The labeller
# paired nothing: a counter-terrorism task force is another act of the topic, and the account is older than the texts
# (the news copy carries no date foiamine can read, so the pair's timing is unknown).
# Thirty-first session, one more from batch 87, within Nevada: NRS 217.590 (a certifying agency shall not disclose the
# immigration status of a victim who petitions for a U-visa certification; information_sharing) against the Douglas
# County (Nev.) Sheriff's Office's 2025 release on its 287(g) role. The law's scope (petitioners for certification)
# is narrower than the topic, which foiamine does not read; the labeller wrote no pair for the new documents.
# Thirty-second session, one more, from the 15 documents moved from held-out to dev because code, rules or tests
# quoted them (eval/real-extra/README.md): ICE's 2017 Declined Detainer Outcome Report (its table of "limiting
# jurisdictions", read as a text that restricts holds) against the Travis County (Tex.) Sheriff's press office's 2017
# e-mails on detainers refused and released (detainer_hold). A federal agency's list of others' policies is no law
# binding the sheriff; foiamine does not tell such a list from a law. 584 dev documents: 0.716 / 0.692.
# Thirty-sixth session, three more from batch 102 (D.C. records of 2025-2026), one record against the three D.C. texts
# of 24-211.07(a)(4): a news report of the U.S. Attorney General's August 2025 order rescinding MPD's immigration orders,
# labelled as what MPD officers may now do (enforcement_assistance, permits). The helper who judged batch 102's
# candidates (divergences-dc-notes.md, "Batch 102") rejected it: a federal official's order binds no one under D.C. law
# and does not amend the Code. foiamine reads the MPD officers it names as the actor. (Batch 102's other new false pairs
# went: its four accepted pairs were labelled, and H.R. 2056 as introduced is now read as a bill, which rests no pair.)
# Thirty-seventh session, nine more from batch 108 (D.C. records; its 157 candidates judged by a helper from the text
# and labels, divergences-dc-notes.md "Batch 108", 33 accepted and labelled): the MPD chief's August 2025 order "also
# allows DC police to assist federal law enforcement agencies", as two news copies report it (a Councilmember's letter
# and CNN's report; enforcement_assistance, permits), against the three texts of 24-211.07(a)(4): assisting federal
# agencies is no act the text bans (the same open point as the order's transport above; the order's information
# sharing, which (a)(4)(B) does ban, was accepted and pairs); and a Councilmember's account of what the 2019 emergency
# bill allows ("If ICE has a judicial warrant or judicial order then [the Department of Corrections] are able to
# cooperate", judicial_warrant, labelled as the bill's content, mentions) against the same three texts, read by foiamine
# as a report of practice.
# Thirty-eighth session, nine more from batch 123 (D.C. news of 2025-2026; its 361 candidates judged by a helper,
# divergences-dc-notes.md "Batch 123", 9 accepted and labelled): the U.S. Attorney General's second order requiring
# MPD's "full cooperation" with federal immigration authorities (a federal official's order, as batch 102's first one
# above), MPD officers going out with federal agencies (the interim chief's letter, 2026) and ICE "working alongside the
# local police" (the New York Times, 2025), each against the three texts of 24-211.07(a)(4): joint patrols and a
# partnership are no act the text bans, the same open point of acts within a topic. foiamine pairs by topic and agency.
# (Batch 117's D.C. court opinions and laws first added 12 more, all removed by this session's code: a county story read
# as D.C.'s, "the district court" as the District, a domestic worker's own disclosure as sharing, "as provided in" as a
# transfer.)
# Two more from batch 130 (Oregon; its 84 candidates judged by a helper, divergences-dc-notes.md "Batch 130: Oregon",
# 20 accepted and labelled): ORS 180.805 and 181A.823 against the Multnomah County Sheriff's refusal of mug shots and
# booking reports, whose story also tells the U.S. Marshals forwarding lists to ICE (compliance, and a federal act no
# Oregon law binds); foiamine reads the story's information sharing as the Sheriff's practice.
# One more from batches 131-136, whose briefs left divergences unlabelled (as all but the D.C. and Oregon ones):
# H.R.S. 286-104.5 against a Hawaii County council committee's news. (Two others, ORS 180.805 and 181A.823 against
# Hillsboro's newsroom item on its sanctuary resolution, a measure that complies read as reporting the information it
# names, went in the fortieth session: the item's sentence is no longer read as sharing.)
# One more from batch 138 (its brief, like those of 131-136, left non-D.C. divergences unlabelled): S.C. Code
# 23-3-1100(H), "no state officer shall attempt to make an independent judgment of an alien's immigration status",
# against York County's jail screening inmates' status under 287(g) - the screening the same section's (A) and (B)
# require. The restriction is on judging status alone, not on asking; foiamine pairs by topic.
# Forty-first session: one fewer. The Douglas County (Nev.) sheriff's release ("it had reached out to ICE to correct
# the record") is no longer read as information shared with ICE, so its pair with NRS 217.590 is gone.
# Forty-fourth session: one more. Ala. Code 31-13-12(b), "... the alien shall be released from custody" when federal
# verification is delayed past the time of release, is now read as detainer_hold / restricts (a labelled clause, found
# by the law-and-policy helper's released_when_hold_ends), and foiamine pairs it with Franklin and Lawrence counties'
# jails joining 287(g)'s task-force and warrant-service models (as reported, 2025), whose brief, like those of
# batches 131-138, left non-D.C. divergences unlabelled: a hold under 287(g) against a state law that bounds a hold.
FALSE_PAIRS_MAX=40
# -----------------------------------------------------------------------------

BIN=${1:?usage: eval_own_floors.sh FOIAMINE}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
t=$(mktemp -d "${TMPDIR:-/tmp}/foiamine-own-floors.XXXXXX")
trap 'rm -rf "$t"' EXIT

# The rules alone: the clause verifier is trained on these documents, so with
# it the figures are in-sample and would hide a rule that got worse.
FOIAMINE_CLAUSE_VERIFIER=none "$ROOT/bench/eval_sets.sh" --sets real-extra-dev --bin "$BIN" --work "$t/work" --out "$t/out"
summary=$(jq -c 'select(.set == "real-extra-dev")' "$t/out/summary.jsonl")
[ -n "$summary" ] || { echo "FAIL: no real-extra-dev line in the summary"; exit 1; }
get() { jq -r "$1" <<<"$summary"; }

fail=0
check() {  # check WHAT VALUE >=|<= BOUND
  if awk -v v="$2" -v b="$4" -v op="$3" 'BEGIN { exit !(op == ">=" ? v + 0 >= b + 0 : v + 0 <= b + 0) }'; then
    echo "ok:   $1 $2 $3 $4"
  else
    echo "FAIL: $1 $2, expected $3 $4"; fail=1
  fi
}
check "clause precision" "$(get .clauses.P)" ">=" "$CLAUSE_P_MIN"
check "clause recall" "$(get .clauses.R)" ">=" "$CLAUSE_R_MIN"
check "false pairs" "$(get '.pairs.found - .pairs.matched')" "<=" "$FALSE_PAIRS_MAX"
check "labelled pairs found" "$(get .pairs.matched)" ">=" "$PAIRS_MIN"
check "sections cited alike" "$(get .sections.rate)" ">=" "$SECTIONS_MIN"
exit "$fail"
