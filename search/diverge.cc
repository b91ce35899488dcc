#include "search/diverge.h"

#include <re2/re2.h>

#include "base/sha256.h"
#include "search/clauses.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <ostream>
#include <set>
#include <tuple>

namespace foiamine {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool SameActor(const std::string& a, const std::string& b) { return !a.empty() && Lower(a) == Lower(b); }

bool IsBinding(const std::string& stance) {
  return stance == "restricts" || stance == "requires" || stance == "permits" || stance == "reports";
}
bool IsContrary(const std::string& stance) {
  return stance == "requires" || stance == "permits" || stance == "reports";
}

// The law side's actor after the law-specific rules of ResolvedActor's comment.
std::string LawActor(const ClauseRecord& law, const extractors::Jurisdictions* jurisdictions = nullptr) {
  if (law.actor.empty() || SameActor(law.actor, law.agency))
    return extractors::DefaultLawActor(jurisdictions, law.jurisdiction);
  return law.actor;
}

std::string PracticeDate(const ClauseRecord& c) { return !c.issued.empty() ? c.issued : c.effective; }
std::string LawDate(const ClauseRecord& c) { return !c.effective.empty() ? c.effective : c.issued; }

Timing TimingOf(const std::string& law_effective, const std::string& practice_issued, const std::string& review) {
  if (law_effective.empty() || practice_issued.empty()) return Timing::kUnknown;
  // ISO dates compare as strings.
  if (practice_issued >= law_effective) return Timing::kIssuedAfter;
  if (!review.empty() && review >= law_effective) return Timing::kBeforeStillInForce;
  return Timing::kBeforeNotReviewed;
}

std::string StanceVerb(const std::string& stance) {
  if (stance == "requires") return "requires";
  if (stance == "permits") return "permits";
  if (stance == "reports") return "records";
  if (stance == "restricts") return "also restricts";
  return stance;
}

std::string Summary(const Divergence& d) {
  std::string topic = d.topic;
  std::replace(topic.begin(), topic.end(), '_', ' ');
  std::string s = d.practice.citation + " " + StanceVerb(d.practice.stance) + " " + topic + " by " + d.actor +
                  (d.agreement ? ", as " : ", which ") + d.law.citation + " restricts";
  std::string note = TimingNote(d);
  if (!note.empty()) s += "; " + note;
  return s + ".";
}

}  // namespace

std::string ResolvedActor(const ClauseRecord& clause) {
  if (clause.authority == "law") return LawActor(clause);
  return clause.actor.empty() ? clause.agency : clause.actor;
}

bool IsRestrictingLaw(const ClauseRecord& clause) {
  return clause.authority == "law" && clause.stance == "restricts" && clause.doc_kind != "bill";
}

bool LawBindsActor(const std::string& law_actor, const std::string& practice_actor) {
  if (practice_actor.empty()) return false;
  if (SameActor(law_actor, "District")) return true;  // any District agency, and "District" itself
  return SameActor(law_actor, practice_actor);
}

std::string DivergenceId(const Divergence& d) {
  return Sha256Hex("divergence|" + d.law.id + "|" + d.practice.id).substr(0, 16);
}

std::string TimingNote(const Divergence& d) {
  const std::string what = d.practice.authority == "practice" ? "dated " : "issued ";
  switch (d.timing) {
    case Timing::kIssuedAfter:
      return what + d.practice_issued + ", after the law took effect on " + d.law_effective;
    case Timing::kBeforeStillInForce:
      return what + d.practice_issued + ", before the law took effect on " + d.law_effective +
             ", but still in force: reviewed/reissued " + d.practice.review;
    case Timing::kBeforeNotReviewed:
      return what + d.practice_issued + ", before the law took effect on " + d.law_effective;
    case Timing::kUnknown:
      break;
  }
  if (!d.law_effective.empty()) return "the law took effect on " + d.law_effective + "; the document is undated";
  return "";
}

// Sanctuary laws restrict cooperation in *civil* immigration enforcement; a
// policy sentence scoped to criminal matters only ("If the violation is a
// criminal violation, the officer may continue to detain ...") does what such
// a law leaves alone, unless the law itself speaks of criminal matters.
bool OnlyCriminalScope(const ClauseRecord& practice, const ClauseRecord& law) {
  static const RE2 kCriminal(R"re((?i)\bcriminal\b)re");
  static const RE2 kCivil(R"re((?i)\b(?:civil|administrative)\b)re");
  return RE2::PartialMatch(practice.text, kCriminal) && !RE2::PartialMatch(practice.text, kCivil) &&
         !RE2::PartialMatch(law.text, kCriminal);
}

// An act done only under a judge's order ("Under the law we only honor a detainer when it comes with a judicial
// warrant", a hearing's answer) is what a law restricting it allows: compliance, not divergence.
// A clause on the warrant standard itself complies the same way when the judge's order is the act's one exception or
// condition: "We release every person when they are entitled to release, unless there is a judicial warrant" (a
// hearing's answer), "If ICE presents an order signed by a federal judge, staff shall forward it to the Office of the
// General Counsel" (a warden's memo). (Not the act done without one: "let into the jail without a judicial warrant".)
bool OnlyUnderJudicialWarrant(const ClauseRecord& practice) {
  static const std::string kJudgesOrder =
      R"re((?:judicial (?:warrant|order)|court order|(?:an? )?(?:(?:criminal )?warrant|order) signed by a (?:federal )?(?:judge|magistrate)|signed by a (?:federal )?judge)\b)re";
  static const RE2 kOnlyWithWarrant(R"re((?i)\bonly\b(?:\W+[\w'-]+){0,12}?\W+)re" + kJudgesOrder);
  static const RE2 kWarrantTheException(
      R"re((?i)\b(?:unless|except (?:with|when|where|if|upon|under)|(?:if|when|where|once|upon)\b(?:\W+[\w'-]+){0,4}?\W+(?:presents?|provides?|produces?|shows?|brings?|obtains?|has|have|comes? with))\b(?:\W+[\w'-]+){0,5}?\W+)re" +
      kJudgesOrder);
  if (RE2::PartialMatch(practice.text, kOnlyWithWarrant)) return true;
  return practice.topic == "judicial_warrant" && RE2::PartialMatch(practice.text, kWarrantTheException);
}

// A judicial_warrant clause states the warrant standard. Cooperating under a
// judicial warrant ("may arrest ... pursuant to a judicial warrant") is what a
// law requiring one allows: permitting it is no divergence. (Honouring an
// administrative warrant is caught by the topic of the act it conditions.)
bool PermitsUnderTheStandard(const ClauseRecord& practice) {
  return practice.topic == "judicial_warrant" && practice.stance == "permits";
}

// A law that forbids acts *based on status* ("shall not stop, arrest ... solely
// based on an individual's citizenship or immigration status": rule
// stop_for_status) conflicts with a policy that bases such acts on status, not
// with every kind of help (traffic control, a transfer on a criminal charge).
bool OutsideTheLawsBasis(const ClauseRecord& practice, const ClauseRecord& law) {
  static const std::string kStatusBased = "enforcement_assistance/stop_for_status";
  if (law.rule.rfind(kStatusBased, 0) != 0) return false;
  static const RE2 kStatus(R"re((?i)\b(?:citizenship|immigration status|alienage|nationality|undocumented|legal resident|presence in the united states)\b)re");
  return !RE2::PartialMatch(practice.text, kStatus);
}

// A practice clause that only routes a request ("Requests ... for assistance
// should be directed to a supervisor", "shall refer the request to the watch
// commander", "shall refer the inquiry to the Office of the General Counsel")
// is a duty to pass the request up, not to grant it: it neither
// helps nor refuses, so a law restricting help is not contradicted by it.
bool OnlyRoutesTheRequest(const ClauseRecord& practice) {
  static const RE2 kRouting(
      R"re((?i)\b(?:requests?|asks?|inquir(?:y|ies))\b(?:\W+[\w'-]+){0,14}?\W+(?:shall|must|will|should|is to|are to|to)\s+(?:be\s+)?(?:refer|forward|rout|direct|sen[dt]|report)\w*\b(?:\W+[\w'-]+){0,8}?\W+to\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w'-]+\s+){0,4}(?:supervisors?|commanders?|chiefs?|sergeants?|lieutenants?|captains?|counsel|legal|superiors?|designees?))re");
  return RE2::PartialMatch(practice.text, kRouting);
}

// A record of practice that the agency does *not* do the act ("The
// department does not honor ICE detainers", "At no point did officers
// inquire", "D.C. has generally not complied with the first part of the
// detainer request") tells compliance with a law restricting it, not
// divergence: the report's own stance cue is a negation, or a negation stands
// just before the act.
bool ReportsAbstention(const ClauseRecord& practice) {
  if (practice.stance != "reports") return false;
  // A question answered no: "Does the jail hold people on ICE detainers? No. ...", in a transcript by the answering
  // speaker: "... detainer? DEPUTY DIRECTOR: We do not."
  static const RE2 kAnsweredNo(
      R"re((?i)\?\s*(?:(?:answer|a|[a-z][\w .'-]{0,40}?)\s*[:.)-]\s*)?(?:no\b|(?:we|i|they|it|he|she)\s+(?:do|does|did|have|has|had|will|would|can|are|is|was|were)(?:\s+not\b|n't\b)))re");
  if (RE2::PartialMatch(practice.text, kAnsweredNo)) return true;
  // cue offsets are code points into the page, like char_start: find their bytes in the clause's text
  auto byte_at = [&](int code_point) {
    int n = 0;
    for (size_t i = 0; i < practice.text.size(); ++i) {
      if ((static_cast<unsigned char>(practice.text[i]) & 0xC0) == 0x80) continue;
      if (n++ == code_point) return i;
    }
    return practice.text.size();
  };
  auto within = [&](int start, int end) { return start >= practice.char_start && end <= practice.char_end && end > start; };
  if (within(practice.cue_start, practice.cue_end)) {
    const size_t begin = byte_at(practice.cue_start - practice.char_start);
    const size_t end = byte_at(practice.cue_end - practice.char_start);
    // (a practice told as forbidden is one too: "their officers are prohibited from asking about immigration status")
    static const RE2 kNegation(
        R"re((?i)\b(?:not|never|no longer|no|at no|cannot|won't|don't|doesn't|didn't|hasn't|haven't|prohibited|forbidden|barred|precluded)\b)re");
    if (end > begin && RE2::PartialMatch(re2::StringPiece(practice.text.data() + begin, end - begin), kNegation)) return true;
  }
  // The words just before the act (a page of practice reports without a cue of its own).
  if (!within(practice.topic_cue_start, practice.topic_cue_end)) return false;
  const size_t act = byte_at(practice.topic_cue_start - practice.char_start);
  constexpr size_t kNear = 40;
  const size_t from = act > kNear ? act - kNear : 0;
  // ("have not been given access": two words between)
  static const RE2 kNegatedAct(R"re((?i)\b(?:not|never|no longer)\b(?:\W+[\w'-]+){0,2}\W*$)re");
  if (RE2::PartialMatch(re2::StringPiece(practice.text.data() + from, act - from), kNegatedAct)) return true;
  // ... or the doer denied at the sentence's start: "No MPD member assisted the agents." (an incident report), "None of
  // our deputies asked about status" (not the answer "No." before a sentence, nor "No sooner had ... than")
  static const RE2 kNoDoer(
      R"re((?i)^\W*(?:no|none of (?:the|our|its|their|his|her)|not one|not a single|neither)\s+(?:[\w'.-]+\s+){0,4}$)re");
  if (RE2::PartialMatch(re2::StringPiece(practice.text.data(), act), kNoDoer)) return true;
  // ... or a verb that limits or ends it: "the D.C. Council moved to limit the District's participation in the federal
  // Secure Communities program", "ended its cooperation with ICE" tell a step toward the law, not away from it.
  static const RE2 kLimitedAct(
      R"re((?i)\b(?:limit|limits|limited|limiting|curtail\w*|restrict|restricts|restricted|restricting|end|ends|ended|ending|stop|stops|stopped|stopping|cease\w*|withdr[ae]w\w*|terminat\w*|reduc\w*)\b(?:\W+[\w'.-]+){0,4}\W*$)re");
  if (RE2::PartialMatch(re2::StringPiece(practice.text.data() + from, act - from), kLimitedAct)) return true;
  // ... however far the act stands from it, where a body's move to limit is what the sentence tells: "the D.C. Council
  // moved to limit the District's participation in the federal Secure Communities program that uses fingerprints to
  // help ICE identify illegal immigrants"
  static const RE2 kMovedToLimit(
      R"re((?i)\b(?:moved|moves|voted|votes|decided|decides|agreed|acted|sought|seeks|plans|planned|vowed|pledged)\s+to\s+(?:limit|end|curtail|restrict|stop|cease|reduce|withdraw|terminate)\b)re");
  if (RE2::PartialMatch(re2::StringPiece(practice.text.data(), act), kMovedToLimit)) return true;
  // ... or inside the words the rule anchored on, before the act itself: "held to their policy that the District
  // would not enforce U.S. civil immigration laws" (anchored on "held ... civil immigration laws").
  const size_t act_end = byte_at(practice.topic_cue_end - practice.char_start);
  // (also agents told they may not come in, "Advised them they could not enter the facility", a detainer filed and nothing
  // done, "files it in the inmate's jacket and takes no further action", and one honored none of, "received 212 detainers
  // and honored none of them": a sally port's report and a director's testimony, written for the probe)
  static const RE2 kNegatedVerb(
      R"re((?i)\b(?:not|never|no longer)\s+(?:[\w'-]+\s+)?(?:enforc|arrest|detain|hold|honou?r|assist|cooperat|shar|notif|ask|inquir|question|transfer|help|participat|provid|respond|compl|enter|admit|access|interview)\w*|\bno (?:further |other )?action\b|\b(?:honou?r|accept|held|hold|compl)\w*(?: with)? none\b)re");
  return act_end > act && RE2::PartialMatch(re2::StringPiece(practice.text.data() + act, act_end - act), kNegatedVerb);
}

std::vector<Divergence> FindDivergences(const std::vector<ClauseRecord>& clauses, const DivergeOptions& options) {
  std::vector<Divergence> out;
  for (const auto& law : clauses) {
    if (!IsRestrictingLaw(law)) continue;
    if (!options.topic.empty() && law.topic != options.topic) continue;
    const std::string law_actor = LawActor(law, options.jurisdictions);
    for (const auto& practice : clauses) {
      if (practice.authority != "policy" && practice.authority != "practice") continue;
      if (practice.topic != law.topic) continue;
      // A rule that restricts the act too, or a record that the act is not
      // done ("The department does not honor ICE detainers"), complies.
      const bool agreement =
          practice.stance == "restricts" || ReportsAbstention(practice) || OnlyUnderJudicialWarrant(practice);
      if (agreement && !options.agreements) continue;
      if (!agreement && !IsContrary(practice.stance)) continue;
      if (!agreement && (OnlyCriminalScope(practice, law) || PermitsUnderTheStandard(practice) ||
                         OutsideTheLawsBasis(practice, law) || OnlyRoutesTheRequest(practice)))
        continue;
      const std::string actor = ResolvedActor(practice);
      if (SameActor(actor, "District") && !SameActor(law_actor, "District")) continue;
      if (!extractors::LawBinds(options.jurisdictions, law.jurisdiction, law_actor, practice.jurisdiction, actor))
        continue;
      Divergence d;
      d.topic = law.topic;
      d.actor = actor;
      d.law = law;
      d.practice = practice;
      d.law_effective = LawDate(law);
      d.practice_issued = PracticeDate(practice);
      d.timing = TimingOf(d.law_effective, d.practice_issued, practice.review);
      d.agreement = agreement;
      d.summary = Summary(d);
      out.push_back(std::move(d));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Divergence& a, const Divergence& b) {
    return std::tie(a.topic, a.agreement, a.law.doc_path, a.law.page, a.law.char_start, a.practice.doc_path,
                    a.practice.page, a.practice.char_start) < std::tie(b.topic, b.agreement, b.law.doc_path,
                                                                       b.law.page, b.law.char_start,
                                                                       b.practice.doc_path, b.practice.page,
                                                                       b.practice.char_start);
  });
  return out;
}

const char* CellStateName(CellState state) {
  switch (state) {
    case CellState::kConflicts: return "conflicts";
    case CellState::kComplies: return "complies";
    case CellState::kSilent: return "silent";
    case CellState::kUnrestricted: return "-";
  }
  return "-";
}

const MatrixCell& Matrix::at(const std::string& agency, const std::string& topic) const {
  static const MatrixCell kEmpty;
  auto it = cells.find({agency, topic});
  return it == cells.end() ? kEmpty : it->second;
}

Matrix BuildMatrix(const std::vector<ClauseRecord>& clauses, const std::vector<Divergence>& pairs,
                   const std::string& topic_filter, const extractors::Jurisdictions* jurisdictions) {
  Matrix m;
  std::set<std::string> agencies, topics;
  std::map<std::string, std::string> jurisdiction_of;  // agency -> its documents' jurisdiction
  for (const auto& c : clauses) {
    if (!topic_filter.empty() && c.topic != topic_filter) continue;
    topics.insert(c.topic);
    if (c.authority == "law") continue;
    for (const std::string& a : {ResolvedActor(c), c.agency}) {
      if (!a.empty() && !SameActor(a, "District")) {
        agencies.insert(a);
        if (!c.jurisdiction.empty()) jurisdiction_of.emplace(a, c.jurisdiction);
      }
    }
  }
  m.agencies.assign(agencies.begin(), agencies.end());
  m.topics.assign(topics.begin(), topics.end());
  for (const auto& agency : m.agencies) {
    for (const auto& topic : m.topics) {
      MatrixCell cell;
      std::set<std::string> ids;
      for (const auto& d : pairs) {
        if (d.topic != topic || !SameActor(d.actor, agency)) continue;
        (d.agreement ? cell.agreements : cell.conflicts)++;
        if (!d.agreement) ids.insert(d.practice.id);
      }
      if (cell.conflicts > 0) {
        cell.state = CellState::kConflicts;
      } else if (cell.agreements > 0) {
        cell.state = CellState::kComplies;
        for (const auto& d : pairs) {
          if (d.topic == topic && SameActor(d.actor, agency)) ids.insert(d.practice.id);
        }
      } else {
        // No pair: silent when some law restricts the topic for this agency
        // and none of the agency's documents has a binding clause on it.
        std::vector<std::string> restricting_laws;
        bool binding = false;
        for (const auto& c : clauses) {
          if (c.topic != topic) continue;
          if (IsRestrictingLaw(c) &&
              extractors::LawBinds(jurisdictions, c.jurisdiction, LawActor(c, jurisdictions),
                                   jurisdiction_of.count(agency) ? jurisdiction_of[agency] : "", agency)) {
            restricting_laws.push_back(c.id);
          } else if (c.authority != "law" && IsBinding(c.stance) && SameActor(ResolvedActor(c), agency)) {
            binding = true;
          }
        }
        if (!restricting_laws.empty() && !binding) {
          cell.state = CellState::kSilent;
          ids.insert(restricting_laws.begin(), restricting_laws.end());
        }
      }
      cell.clause_ids.assign(ids.begin(), ids.end());
      m.cells[{agency, topic}] = std::move(cell);
    }
  }
  return m;
}

namespace {

// Section labels compare without a trailing '.', case and spaces folded.
std::string NormalizeSection(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isspace(c)) continue;
    out += static_cast<char>(std::tolower(c));
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

struct LabelSide {
  std::string doc_path, section;
};
struct DivergenceLabel {
  std::string topic, actor;
  LabelSide law, practice;
  std::string Describe() const {
    return topic + " " + actor + ": " + law.doc_path + " " + law.section + " <> " + practice.doc_path + " " +
           practice.section;
  }
};

}  // namespace

StatusOr<DivergenceScore> EvaluateDivergences(const std::vector<Divergence>& found, const std::string& labels_path,
                                              const std::string& clause_labels_path) {
  using nlohmann::json;
  auto raw = ReadLabelLines(labels_path);
  if (!raw.ok()) return raw.status();
  std::vector<DivergenceLabel> labels;
  for (const auto& j : *raw) {
    if (!j.contains("law") || !j.contains("practice") || !j["law"].is_object() || !j["practice"].is_object()) {
      return Status::Corrupt(labels_path + ": a line is not a divergence label (needs law and practice)");
    }
    labels.push_back(DivergenceLabel{j.value("topic", ""), j.value("actor", ""),
                                     {j["law"].value("doc_path", ""), j["law"].value("section", "")},
                                     {j["practice"].value("doc_path", ""), j["practice"].value("section", "")}});
  }
  // Quotes of labeled clauses by (doc_path, normalized section, topic).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> quotes;
  if (!clause_labels_path.empty()) {
    auto clause_labels = ReadLabelLines(clause_labels_path);
    if (!clause_labels.ok()) return clause_labels.status();
    for (const auto& j : *clause_labels) {
      quotes[{j.value("doc_path", ""), NormalizeSection(j.value("section", "")), j.value("topic", "")}].push_back(
          FoldForMatching(j.value("quote", "")));
    }
  }
  auto side_matches = [&](const ClauseRecord& c, const LabelSide& side, const std::string& topic) {
    if (c.doc_path != side.doc_path) return false;
    const std::string section = NormalizeSection(side.section);
    if (NormalizeSection(c.section) == section) return true;
    auto it = quotes.find({side.doc_path, section, topic});
    if (it == quotes.end()) return false;
    const std::string text = FoldForMatching(c.text);
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& q) { return !q.empty() && text.find(q) != std::string::npos; });
  };
  auto pair_matches = [&](const Divergence& d, const DivergenceLabel& l) {
    return d.topic == l.topic && SameActor(d.actor, l.actor) && side_matches(d.law, l.law, l.topic) &&
           side_matches(d.practice, l.practice, l.topic);
  };

  DivergenceScore s;
  s.expected = static_cast<int>(labels.size());
  for (const auto& l : labels) {
    bool hit = std::any_of(found.begin(), found.end(), [&](const Divergence& d) { return !d.agreement && pair_matches(d, l); });
    if (hit) ++s.matched;
    else s.missed.push_back(l.Describe());
  }
  // Found pairs, one per distinct (topic, actor, law clause section, practice clause section) key.
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>> seen;
  for (const auto& d : found) {
    if (d.agreement) continue;
    if (!seen.insert({d.topic, d.actor, d.law.doc_path, NormalizeSection(d.law.section), d.practice.doc_path,
                      d.practice.id})
             .second) {
      continue;
    }
    ++s.found;
    bool labeled = std::any_of(labels.begin(), labels.end(), [&](const DivergenceLabel& l) { return pair_matches(d, l); });
    if (!labeled) {
      ++s.false_pairs;
      s.unexpected.push_back(d.topic + " " + d.actor + ": " + d.law.doc_path + " " + d.law.section + " <> " +
                             d.practice.doc_path + " " + d.practice.section + " [" + d.practice.id + "]");
    }
  }
  return s;
}

void PrintDivergenceScore(const DivergenceScore& s, bool verbose, std::ostream& out) {
  out << "divergences: " << s.matched << " / " << s.expected << " labeled pairs found, " << s.false_pairs
      << " false pair" << (s.false_pairs == 1 ? "" : "s") << " (" << s.found << " distinct pairs reported)\n";
  if (verbose || s.missed.size() + s.unexpected.size() <= 20) {
    for (const auto& m : s.missed) out << "missed pair:     " << m << "\n";
    for (const auto& u : s.unexpected) out << "unexpected pair: " << u << "\n";
  } else {
    out << s.missed.size() << " pairs missed, " << s.unexpected.size() << " unexpected (--verbose lists them)\n";
  }
}

DivergenceFindings FindDivergencesToReport(const std::vector<ClauseRecord>& clauses, const DivergeOptions& options) {
  DivergeOptions all = options;
  all.agreements = true;
  DivergenceFindings out;
  out.all = FindDivergences(clauses, all);
  for (const auto& d : out.all) {
    if (!d.agreement || options.agreements) out.listed.push_back(d);
  }
  return out;
}

}  // namespace foiamine
