#include "search/hit_clauses.h"

namespace foiamine {

StatusOr<const HitClauseReader::Topic*> HitClauseReader::LoadTopic(const std::string& topic) {
  auto known = topics_.find(topic);
  if (known != topics_.end()) return &known->second;
  ClauseFilter filter;
  filter.topic = topic;
  auto clauses = ReadClauses(index_, filter);
  if (!clauses.ok()) return clauses.status();
  Topic t;
  t.clauses = std::move(*clauses);
  DivergeOptions options;
  options.topic = topic;
  options.jurisdictions = jurisdictions_;
  t.pairs = FindDivergences(t.clauses, options);
  return &topics_.emplace(topic, std::move(t)).first->second;
}

StatusOr<std::vector<HitClause>> HitClauseReader::Read(const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& topics) {
  std::vector<HitClause> out;
  for (size_t i = 0; i < ids.size() && i < topics.size(); ++i) {
    auto topic = LoadTopic(topics[i]);
    if (!topic.ok()) return topic.status();
    const Topic& t = **topic;
    HitClause hit;
    bool found = false;
    for (const ClauseRecord& c : t.clauses) {
      if (c.id != ids[i]) continue;
      hit.clause = c;
      found = true;
      break;
    }
    if (!found) continue;  // REQUIRES says it exists; an index changed under us reads as no clause
    for (const Divergence& d : t.pairs) {
      const bool law = d.law.id == ids[i], practice = d.practice.id == ids[i];
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
