#include "search/hit_clauses.h"

#include <set>

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

namespace {
// Bound parameters of one ReadClauses by ids, well under SQLite's limit.
constexpr size_t kMaxLawIds = 2000;
}  // namespace

StatusOr<std::vector<std::string>> HitClauseReader::RestrictingLawIds(const std::vector<std::string>& topics) {
  std::vector<std::string> fresh;
  for (const std::string& t : topics) {
    if (laws_read_.insert(t).second) fresh.push_back(t);
  }
  std::vector<std::string> ids;
  if (fresh.empty()) return ids;
  // Remembered by the reader between searches: finding them scans the
  // documents table, as long as the rest of the enrichment together.
  auto memo = index_.memo();
  if (!memo.ok()) return memo.status();
  auto& known = (*memo)->restricting_law_ids;
  std::vector<std::string> unknown;
  for (const std::string& t : fresh) {
    auto it = known.find(t);
    if (it == known.end()) unknown.push_back(t);
    else ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  if (unknown.empty()) return ids;
  // The law documents first (CROSS JOIN keeps them the outer loop): a
  // production is mostly policy and practice, so the few law documents and
  // their clauses (by the clauses_document index) are what is read, not
  // every restricting clause of the topic.
  std::string in_topics;
  for (size_t i = 0; i < unknown.size(); ++i) in_topics += (i ? ",?" : "?") + std::to_string(i + 1);
  auto stmt = index_.db().Prepare(
      "SELECT c.id, c.topic FROM documents d CROSS JOIN clauses c ON c.document_id = d.id "
      "WHERE d.authority = 'law' AND c.stance = 'restricts' AND c.topic IN (" + in_topics + ")");
  if (!stmt.ok()) return stmt.status();
  for (size_t i = 0; i < unknown.size(); ++i) stmt->Bind(static_cast<int>(i + 1), unknown[i]);
  std::map<std::string, std::vector<std::string>> found;
  for (const std::string& t : unknown) found[t];  // a topic without laws is remembered too
  Status status;
  while (stmt->Step(&status)) found[stmt->Text(1)].push_back(stmt->Text(0));
  if (!status.ok()) return status;
  for (auto& [topic, topic_ids] : found) {
    ids.insert(ids.end(), topic_ids.begin(), topic_ids.end());
    known[topic] = std::move(topic_ids);
  }
  return ids;
}

StatusOr<std::vector<HitClause>> HitClauseReader::Read(const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& topics) {
  std::vector<HitClause> out;
  if (ids.empty()) return out;
  // The restricting laws of the hits' topics not read yet: a policy or
  // practice clause pairs only with those.
  auto law_ids = RestrictingLawIds(topics);
  if (!law_ids.ok()) return law_ids.status();
  if (law_ids->size() > kMaxLawIds) {
    // An index of laws: read them by topic (the topic index) instead of
    // binding thousands of ids.
    std::set<std::string> topics_read;
    for (const std::string& t : topics) {
      if (!topics_read.insert(t).second) continue;
      ClauseFilter filter;
      filter.topic = t;
      filter.stance = "restricts";
      filter.authority = "law";
      auto topic_laws = ReadClauses(index_, filter);
      if (!topic_laws.ok()) return topic_laws.status();
      restricting_laws_[t] = std::move(*topic_laws);
    }
    law_ids->clear();
  }
  const std::set<std::string> laws(law_ids->begin(), law_ids->end());
  // One read for the hits' clauses and those laws (statement preparation,
  // not the lookups, is what costs here).
  ClauseFilter by_ids;
  by_ids.ids = ids;
  by_ids.ids.insert(by_ids.ids.end(), law_ids->begin(), law_ids->end());
  auto read = ReadClauses(index_, by_ids);
  if (!read.ok()) return read.status();
  std::map<std::string, ClauseRecord*> by_id;
  for (ClauseRecord& c : *read) {
    by_id.emplace(c.id, &c);
    if (laws.count(c.id) && IsRestrictingLaw(c)) restricting_laws_[c.topic].push_back(c);
  }
  static const std::vector<ClauseRecord> kNoLaws;
  for (size_t i = 0; i < ids.size() && i < topics.size(); ++i) {
    auto found = by_id.find(ids[i]);
    if (found == by_id.end()) continue;  // an index changed under us reads as no clause
    HitClause hit;
    hit.clause = *found->second;
    const ClauseRecord& c = hit.clause;
    // The pairs this clause is a side of, found as `diverge` finds them.
    std::vector<Divergence> pairs;
    if (IsRestrictingLaw(c)) {
      auto all = TopicPairs(c.topic);
      if (!all.ok()) return all.status();
      pairs = **all;
    } else if (c.authority == "policy" || c.authority == "practice") {
      auto known = restricting_laws_.find(c.topic);
      const std::vector<ClauseRecord>& topic_laws = known == restricting_laws_.end() ? kNoLaws : known->second;
      std::vector<ClauseRecord> both = topic_laws;
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
