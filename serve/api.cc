// GET /api/...: the CLI's --json records, as JSON arrays (CONTRACTS.md "Web
// interface"), built by the same functions the CLI calls.
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "search/choices.h"
#include "search/clauses.h"
#include "search/diverge.h"
#include "search/diverge_report.h"
#include "search/index_status.h"
#include "search/search.h"
#include "serve/views.h"

namespace foiamine::serve {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

Reply JsonArray(const std::vector<std::string>& lines) {
  Reply reply;
  reply.content_type = kJson;
  reply.body = "[";
  for (size_t i = 0; i < lines.size(); ++i) reply.body += (i ? ",\n" : "\n") + lines[i];
  reply.body += lines.empty() ? "]\n" : "\n]\n";
  return reply;
}

// JSON Lines (one record a line) as an array.
Reply JsonLinesArray(const std::string& jsonl) {
  std::vector<std::string> lines;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return JsonArray(lines);
}

}  // namespace

Reply JsonError(const Status& status) {
  Reply reply;
  reply.status = HttpStatusOf(status);
  reply.content_type = kJson;
  reply.body = nlohmann::json{{"error", status.message()}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return reply;
}

Reply ApiSearch(Context& ctx, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return JsonError(index.status());
  auto options = SearchOptionsFrom(ctx, **index, params);
  if (!options.ok()) return JsonError(options.status());
  if (options->query.empty() && options->topic.empty() && options->stance.empty()) {
    return JsonError(Status::InvalidArgument("give q= (a query), or topic= / stance= to list clauses\n" + Fts5SyntaxHelp()));
  }
  options->mark_open = "**";
  options->mark_close = "**";
  auto hits = Search(**index, *options);
  if (!hits.ok()) return JsonError(hits.status());
  std::vector<std::string> lines;
  for (const auto& h : *hits) lines.push_back(SearchHitJson(h));
  return JsonArray(lines);
}

Reply ApiClauses(Context& ctx, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return JsonError(index.status());
  ClauseFilter filter;
  filter.topic = Param(params, "topic");
  filter.stance = Param(params, "stance");
  filter.authority = Param(params, "authority");
  filter.id = Param(params, "id");
  auto choices = ReadOptionChoices(**index, ctx.options().rulebook_topics);
  if (!choices.ok()) return JsonError(choices.status());
  for (const Status& s : {CheckChoice("topic", filter.topic, choices->topics), CheckChoice("stance", filter.stance, kStances),
                          CheckChoice("authority", filter.authority, kAuthorities)}) {
    if (!s.ok()) return JsonError(s);
  }
  auto clauses = ReadClauses(**index, filter);
  if (!clauses.ok()) return JsonError(clauses.status());
  std::vector<std::string> lines;
  for (const auto& c : *clauses) lines.push_back(ClauseJson(c));
  return JsonArray(lines);
}

Reply ApiDivergences(Context& ctx, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return JsonError(index.status());
  auto choices = ReadOptionChoices(**index, ctx.options().rulebook_topics);
  if (!choices.ok()) return JsonError(choices.status());
  DivergeOptions options;
  options.topic = Param(params, "topic");
  options.agreements = Param(params, "agreements") == "1";
  options.jurisdictions = ctx.options().jurisdictions;
  if (Status s = CheckChoice("topic", options.topic, choices->topics); !s.ok()) return JsonError(s);
  auto clauses = ReadClauses(**index, {});
  if (!clauses.ok()) return JsonError(clauses.status());
  const DivergenceFindings found = FindDivergencesToReport(*clauses, options);
  const std::string agency = Param(params, "agency");
  std::vector<Divergence> listed;
  for (const Divergence& d : found.listed) {
    if (agency.empty() || d.actor == agency) listed.push_back(d);
  }
  std::ostringstream out;
  WriteDivergenceJson(listed, out);
  return JsonLinesArray(out.str());
}

Reply ApiStatus(Context& ctx) {
  auto index = ctx.Index();
  if (!index.ok()) return JsonError(index.status());
  auto status = ReadIndexStatus(**index, /*with_digest=*/true);
  if (!status.ok()) return JsonError(status.status());
  std::ostringstream out;
  PrintIndexStatusJson(*status, out);
  Reply reply;
  reply.content_type = kJson;
  reply.body = out.str();
  return reply;
}

}  // namespace foiamine::serve
