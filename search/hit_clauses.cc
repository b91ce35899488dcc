#include "search/hit_clauses.h"

namespace foiamine {

StatusOr<const std::vector<Divergence>*> HitClauseReader::TopicPairs(const std::string& topic) {
  auto known = topic_pairs_.find(topic);
  if (known != topic_pairs_.end()) return &known->second;
  ClauseFilter filter;
  filter.topic = topic;
  auto clauses = ReadClauses(index_, filter);
  if (!clauses.ok()) return clauses.status();
  DivergeOptions options;
  options.topic = topic;
  options.jurisdictions = jurisdictions_;
  return &topic_pairs_.emplace(topic, FindDivergences(*clauses, options)).first->second;
}

StatusOr<const std::vector<ClauseRecord>*> HitClauseReader::RestrictingLaws(const std::string& topic) {
  auto known = restricting_laws_.find(topic);
  if (known != restricting_laws_.end()) return &known->second;
  ClauseFilter filter;
  filter.topic = topic;
  filter.stance = "restricts";
  filter.authority = "law";
  auto laws = ReadClauses(index_, filter);
  if (!laws.ok()) return laws.status();
  return &restricting_laws_.emplace(topic, std::move(*laws)).first->second;
}

StatusOr<std::vector<HitClause>> HitClauseReader::Read(const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& topics) {
  std::vector<HitClause> out;
  for (size_t i = 0; i < ids.size() && i < topics.size(); ++i) {
    ClauseFilter by_id;
    by_id.id = ids[i];
    auto found = ReadClauses(index_, by_id);
    if (!found.ok()) return found.status();
    if (found->empty()) continue;  // an index changed under us reads as no clause
    HitClause hit;
    hit.clause = std::move(found->front());
    const ClauseRecord& c = hit.clause;
    // The pairs this clause is a side of, found as `diverge` finds them.
    std::vector<Divergence> pairs;
    if (c.authority == "law" && c.stance == "restricts") {
      auto all = TopicPairs(c.topic);
      if (!all.ok()) return all.status();
      pairs = **all;
    } else if (c.authority == "policy" || c.authority == "practice") {
      auto laws = RestrictingLaws(c.topic);
      if (!laws.ok()) return laws.status();
      std::vector<ClauseRecord> both = **laws;
      both.push_back(c);
      DivergeOptions options;
      options.topic = c.topic;
      options.jurisdictions = jurisdictions_;
      pairs = FindDivergences(both, options);
    }
    for (const Divergence& d : pairs) {
      const bool law = d.law.id == c.id, practice = d.practice.id == c.id;
      if (!law && !practice) continue;
      HitDivergence hd;
      hd.id = DivergenceId(d);
      hd.role = law ? "law" : "practice";
      hd.other = law ? d.practice : d.law;
      hd.summary = d.summary;
      hd.law_effective = d.law_effective;
      hd.practice_issued = d.practice_issued;
      hd.timing = TimingNote(d);
      hit.divergences.push_back(std::move(hd));
    }
    out.push_back(std::move(hit));
  }
  return out;
}

nlohmann::ordered_json HitClauseJson(const HitClause& h) {
  using json = nlohmann::ordered_json;
  json j = ClauseJsonObject(h.clause);
  json divergences = json::array();
  for (const HitDivergence& d : h.divergences) {
    divergences.push_back({{"id", d.id},
                           {"role", d.role},
                           {"other", ClauseJsonObject(d.other)},
                           {"summary", d.summary},
                           {"law_effective", d.law_effective.empty() ? json(nullptr) : json(d.law_effective)},
                           {"practice_issued", d.practice_issued.empty() ? json(nullptr) : json(d.practice_issued)}});
  }
  j["divergences"] = divergences;
  return j;
}

}  // namespace foiamine
