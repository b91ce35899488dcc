#include "search/choices.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "search/query_text.h"

#include "index/schema.h"

namespace foiamine {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Listed(const std::vector<std::string>& valid) {
  std::string out;
  for (const std::string& v : valid) out += (out.empty() ? "" : ", ") + v;
  return out.empty() ? "(none in this index)" : out;
}

StatusOr<std::vector<std::string>> Distinct(IndexReader& index, const std::string& sql) {
  auto stmt = index.db().Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> out;
  Status status;
  while (stmt->Step(&status)) out.push_back(stmt->Text(0));
  if (!status.ok()) return status;
  return out;
}

}  // namespace

StatusOr<OptionChoices> ReadOptionChoices(IndexReader& index, const std::vector<std::string>& rulebook_topics) {
  OptionChoices c;
  if (!rulebook_topics.empty()) {
    c.topics = rulebook_topics;
  } else {
    auto topics = Distinct(index, "SELECT DISTINCT topic FROM clauses ORDER BY 1");
    if (!topics.ok()) return topics.status();
    c.topics = std::move(*topics);
  }
  auto kinds = Distinct(index, "SELECT DISTINCT doc_kind FROM documents WHERE coalesce(doc_kind,'') != '' ORDER BY 1");
  if (!kinds.ok()) return kinds.status();
  c.kinds = kDocKinds;
  for (const std::string& k : *kinds) {
    if (std::find(c.kinds.begin(), c.kinds.end(), k) == c.kinds.end()) c.kinds.push_back(k);
  }
  auto agencies = Distinct(index, "SELECT DISTINCT agency FROM documents WHERE coalesce(agency,'') != '' ORDER BY 1");
  if (!agencies.ok()) return agencies.status();
  c.agencies = std::move(*agencies);
  if (HasColumn(index.db(), "documents", "jurisdiction")) {
    auto j = Distinct(index,
                      "SELECT DISTINCT jurisdiction FROM documents WHERE coalesce(jurisdiction,'') != '' ORDER BY 1");
    if (!j.ok()) return j.status();
    c.jurisdictions = std::move(*j);
  }
  return c;
}

Status CheckChoice(const std::string& option, const std::string& value, const std::vector<std::string>& valid) {
  if (value.empty() || std::find(valid.begin(), valid.end(), value) != valid.end()) return Status::Ok();
  return Status::InvalidArgument("unknown " + option + " '" + value + "'; valid values: " + Listed(valid));
}

Status MatchChoice(const std::string& option, std::string& value, const std::vector<std::string>& valid) {
  if (value.empty()) return Status::Ok();
  for (const std::string& v : valid) {
    if (Lower(v) == Lower(value)) {
      value = v;
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("unknown " + option + " '" + value + "'; valid values: " + Listed(valid));
}

Status CheckJurisdiction(const std::string& value, const std::vector<std::string>& valid) {
  if (value.empty()) return Status::Ok();
  for (const std::string& v : valid) {
    if (v == value || v.rfind(value + "/", 0) == 0) return Status::Ok();
  }
  return Status::InvalidArgument("unknown --jurisdiction '" + value + "'; valid values: " + Listed(valid));
}

Status CheckIsoDate(const std::string& option, const std::string& value) {
  if (value.empty()) return Status::Ok();
  bool ok = value.size() == 10 && value[4] == '-' && value[7] == '-';
  for (size_t i = 0; ok && i < value.size(); ++i) {
    if (i != 4 && i != 7) ok = std::isdigit(static_cast<unsigned char>(value[i])) != 0;
  }
  if (ok) {
    const int month = std::stoi(value.substr(5, 2)), day = std::stoi(value.substr(8, 2));
    ok = month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  if (ok) return Status::Ok();
  return Status::InvalidArgument(option + " '" + value + "' is not a date: write YYYY-MM-DD, e.g. 2021-03-16");
}

StatusOr<int64_t> ResolveDocument(IndexReader& index, const std::string& doc) {
  // A path as indexed first (files.path), then the SHA-256 or a prefix of it.
  auto by_path = index.db().Prepare("SELECT document_id FROM files WHERE path = ?1 LIMIT 1");
  if (!by_path.ok()) return by_path.status();
  by_path->Bind(1, doc);
  Status status;
  if (by_path->Step(&status)) return by_path->Int(0);
  if (!status.ok()) return status;
  bool hex = doc.size() >= 4 && doc.size() <= 64;
  for (char c : doc) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
  if (!hex) {
    return Status::InvalidArgument("no document '" + doc +
                                   "' in the index: give its path as indexed (see `foiamine status`), its SHA-256, "
                                   "or a unique prefix of it (4+ hex digits)");
  }
  auto by_sha = index.db().Prepare(
      "SELECT d.id, d.sha256, (SELECT f.path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1) "
      "FROM documents d WHERE substr(d.sha256, 1, length(?1)) = lower(?1) ORDER BY d.sha256 LIMIT 11");
  if (!by_sha.ok()) return by_sha.status();
  by_sha->Bind(1, doc);
  std::vector<std::pair<int64_t, std::string>> found;
  while (by_sha->Step(&status)) found.emplace_back(by_sha->Int(0), by_sha->Text(1).substr(0, 12) + "  " + by_sha->Text(2));
  if (!status.ok()) return status;
  if (found.size() == 1) return found.front().first;
  if (found.empty()) return Status::InvalidArgument("no document with SHA-256 starting '" + doc + "' in the index");
  std::string candidates;
  for (size_t i = 0; i < found.size() && i < 10; ++i) candidates += "\n  " + found[i].second;
  if (found.size() > 10) candidates += "\n  ...";
  return Status::InvalidArgument("document prefix '" + doc + "' is ambiguous; candidates:" + candidates);
}

Status CheckSearchOptions(IndexReader& index, SearchOptions& o, const std::string& doc,
                          const std::vector<std::string>& rulebook_topics) {
  // topic:T / stance:S in the query are checked as --topic / --stance are.
  const PreparedQuery prepared = PrepareQuery(o.query);
  for (const auto& [option, from_query, given] :
       {std::tuple<std::string, std::string, std::string*>{"topic", prepared.topic, &o.topic},
        {"stance", prepared.stance, &o.stance}}) {
    if (from_query.empty()) continue;
    if (!given->empty() && *given != from_query) {
      return Status::InvalidArgument("the query says " + option + ":" + from_query + " but --" + option + " is " + *given);
    }
    *given = from_query;
  }
  auto choices = ReadOptionChoices(index, rulebook_topics);
  if (!choices.ok()) return choices.status();
  for (Status s : {CheckChoice("--topic", o.topic, choices->topics), CheckChoice("--stance", o.stance, kStances),
                   CheckChoice("--kind", o.kind, choices->kinds), CheckChoice("--authority", o.authority, kAuthorities),
                   MatchChoice("--agency", o.agency, choices->agencies),
                   CheckJurisdiction(o.jurisdiction, choices->jurisdictions), CheckIsoDate("--after", o.after),
                   CheckIsoDate("--before", o.before)}) {
    if (!s.ok()) return s;
  }
  if (!o.after.empty() && !o.before.empty() && o.after > o.before) {
    return Status::InvalidArgument("--after " + o.after + " is later than --before " + o.before);
  }
  if (!doc.empty()) {
    auto id = ResolveDocument(index, doc);
    if (!id.ok()) return id.status();
    o.document_id = *id;
  }
  return Status::Ok();
}

}  // namespace foiamine
