#include "search/report_model.h"

#include <set>

namespace foiamine {

void ExhibitList::Add(const ClauseRecord& c) {
  std::vector<int> pages;
  if (c.parts.empty()) pages.push_back(c.page);
  for (const auto& part : c.parts) {
    if (pages.empty() || pages.back() != part.page) pages.push_back(part.page);
  }
  for (int page : pages) {
    const auto key = std::make_pair(c.doc_sha256, page);
    auto it = index_.find(key);
    if (it == index_.end()) {
      Exhibit e;
      e.number = static_cast<int>(exhibits_.size()) + 1;
      e.doc_sha256 = c.doc_sha256;
      e.doc_path = c.doc_path;
      e.doc_title = c.doc_title;
      e.doc_number = c.doc_number;
      e.authority = c.authority;
      e.page = page;
      if (page == c.page) e.bates = c.bates;  // the record carries its first page's stamp
      it = index_.emplace(key, exhibits_.size()).first;
      exhibits_.push_back(std::move(e));
    }
    Exhibit& e = exhibits_[it->second];
    if (e.bates.empty() && page == c.page) e.bates = c.bates;
    bool seen = false;
    for (const auto& id : e.clause_ids) seen = seen || id == c.id;
    if (!seen) e.clause_ids.push_back(c.id);
  }
}

ExhibitList ExhibitList::ForPairs(const std::vector<Divergence>& pairs) {
  ExhibitList list;
  for (const auto& d : pairs) {
    list.Add(d.law);
    list.Add(d.practice);
  }
  return list;
}

ExhibitList ExhibitList::ForClauses(const std::vector<ClauseRecord>& clauses) {
  ExhibitList list;
  for (const auto& c : clauses) list.Add(c);
  return list;
}

int ExhibitList::NumberOf(const std::string& doc_sha256, int page) const {
  auto it = index_.find({doc_sha256, page});
  return it == index_.end() ? 0 : exhibits_[it->second].number;
}

std::vector<int> ExhibitList::NumbersOf(const ClauseRecord& c) const {
  std::vector<int> out;
  auto add = [&](int page) {
    const int n = NumberOf(c.doc_sha256, page);
    if (n > 0 && (out.empty() || out.back() != n)) out.push_back(n);
  };
  if (c.parts.empty()) add(c.page);
  for (const auto& part : c.parts) add(part.page);
  return out;
}

std::string ExhibitList::RefOf(const ClauseRecord& c) const {
  std::string s;
  for (int n : NumbersOf(c)) {
    if (!s.empty()) s += "; ";
    s += "Ex. " + std::to_string(n) + ", p. " + std::to_string(exhibits_[static_cast<size_t>(n - 1)].page);
  }
  return s;
}

PairCounts CountPairs(const std::vector<Divergence>& pairs) {
  PairCounts n;
  std::set<std::string> practice_clauses, practice_docs, law_clauses, law_docs, topics, agencies;
  for (const auto& d : pairs) {
    if (d.agreement) {
      ++n.agreements;
      continue;
    }
    ++n.pairs;
    practice_clauses.insert(d.practice.id);
    practice_docs.insert(d.practice.doc_sha256);
    law_clauses.insert(d.law.id);
    law_docs.insert(d.law.doc_sha256);
    topics.insert(d.topic);
    agencies.insert(d.actor);
  }
  n.practice_clauses = static_cast<int>(practice_clauses.size());
  n.practice_documents = static_cast<int>(practice_docs.size());
  n.law_clauses = static_cast<int>(law_clauses.size());
  n.law_documents = static_cast<int>(law_docs.size());
  n.topics = static_cast<int>(topics.size());
  n.agencies = static_cast<int>(agencies.size());
  return n;
}

namespace {
std::string Count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}
}  // namespace

std::string CountsSentence(const PairCounts& n) {
  std::string s = Count(n.pairs, "divergence", "divergences") +
                  " (each a pair: one law clause against one policy or practice clause; a practice clause at odds "
                  "with two laws makes two pairs): " +
                  Count(n.practice_clauses, "distinct policy or practice clause", "distinct policy or practice clauses") +
                  " in " + Count(n.practice_documents, "document", "documents") + ", against " +
                  Count(n.law_clauses, "distinct law clause", "distinct law clauses") + " in " +
                  Count(n.law_documents, "law document", "law documents") + "; " +
                  Count(n.topics, "topic", "topics") + ", " + Count(n.agencies, "agency", "agencies") + ".";
  if (n.agreements > 0) {
    s += " " + Count(n.agreements, "agreement pair", "agreement pairs") +
         " (policy or practice restricting what the law restricts) are listed separately.";
  }
  return s;
}

std::vector<AgencySummary> SummarizeAgencies(const Matrix& m, const std::vector<Divergence>& all_pairs) {
  std::vector<AgencySummary> out;
  for (const auto& agency : m.agencies) {
    AgencySummary s;
    s.agency = agency;
    for (const auto& topic : m.topics) {
      const MatrixCell& cell = m.at(agency, topic);
      AgencyTopic t;
      t.topic = topic;
      t.state = cell.state;
      t.pairs = cell.conflicts;
      t.agreements = cell.agreements;
      std::set<std::string> practice;
      for (const auto& d : all_pairs) {
        if (d.topic == topic && d.actor == agency && d.agreement == (cell.state == CellState::kComplies)) {
          practice.insert(d.practice.id);
        }
      }
      t.practice_clauses = static_cast<int>(practice.size());
      if (cell.state == CellState::kConflicts) s.conflicts.push_back(t);
      if (cell.state == CellState::kComplies) s.complies.push_back(t);
      if (cell.state == CellState::kSilent) s.silent.push_back(t);
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string TopicLabel(const std::string& topic) {
  std::string t = topic;
  for (auto& c : t) {
    if (c == '_') c = ' ';
  }
  return t;
}

}  // namespace foiamine
