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
  if (!laws_read_) {
    // Every topic's at once: one statement, however many topics the hits have.
    ClauseFilter filter;
    filter.stance = "restricts";
    filter.authority = "law";
    auto laws = ReadClauses(index_, filter);
    if (!laws.ok()) return laws.status();
    for (ClauseRecord& c : *laws) restricting_laws_[c.topic].push_back(std::move(c));
    laws_read_ = true;
  }
  static const std::vector<ClauseRecord> kNone;
  auto known = restricting_laws_.find(topic);
  return known == restricting_laws_.end() ? &kNone : &known->second;
}

StatusOr<std::vector<HitClause>> HitClauseReader::Read(const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& topics) {
  std::vector<HitClause> out;
  if (ids.empty()) return out;
  // One read for all the ids (statement preparation, not the lookups, is
  // what costs here).
  ClauseFilter by_ids;
  by_ids.ids = ids;
  auto read = ReadClauses(index_, by_ids);
  if (!read.ok()) return read.status();
  std::map<std::string, ClauseRecord*> by_id;
  for (ClauseRecord& c : *read) by_id.emplace(c.id, &c);
  for (size_t i = 0; i < ids.size() && i < topics.size(); ++i) {
    auto found = by_id.find(ids[i]);
    if (found == by_id.end()) continue;  // an index changed under us reads as no clause
    HitClause hit;
    hit.clause = *found->second;
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
