#include "extractors/rulebook.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <future>
#include <optional>

#include "extractors/rulebook_compiled.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors {
namespace {

using Compiled = Rulebook::Compiled;

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

// The Set of a cue list (CueList::any): the cues' own sources and options. Null when RE2 cannot build it.
std::unique_ptr<RE2::Set> AnyCueSet(const std::vector<Compiled::Cue>& cues) {
  if (cues.empty()) return nullptr;
  auto set = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  for (const Compiled::Cue& cue : cues)
    if (set->Add(cue.re->pattern(), nullptr) < 0) return nullptr;
  if (!set->Compile()) return nullptr;
  return set;
}

// Splits an RE2 alternation at its top-level '|'.
std::vector<std::string> TopLevelAlternatives(const std::string& re) {
  std::vector<std::string> out(1);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      out.back() += re.substr(i, 2);
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back().push_back(c);
  }
  return out;
}

// Whole-word matching for each alternative: \b on a side only where the
// alternative begins/ends with a word character (so "287\(g\)" still matches
// before a full stop), and never beside an anchor ("^\W*..." at a unit's
// "(3) ICE agents ...", "...must\W*:\s*$").
std::string WrapWords(const std::string& alternation) {
  std::string out;
  for (const std::string& alt : TopLevelAlternatives(alternation)) {
    if (!out.empty()) out += "|";
    const bool punct_start = (alt.size() >= 2 && alt[0] == '\\' && std::ispunct(static_cast<unsigned char>(alt[1]))) ||
                             (!alt.empty() && alt[0] == '^');
    const bool punct_end = (alt.size() >= 2 && alt[alt.size() - 2] == '\\' && std::ispunct(static_cast<unsigned char>(alt.back()))) ||
                           (!alt.empty() && alt.back() == '$' && (alt.size() < 2 || alt[alt.size() - 2] != '\\'));
    out += (punct_start ? "" : "\\b") + std::string("(?:") + alt + ")" + (punct_end ? "" : "\\b");
  }
  return out;
}

class Loader {
 public:
  explicit Loader(Compiled& out) : out_(out) {}

  Status Load(const YAML::Node& root) {
    out_.version = root["version"] ? root["version"].as<int>() : 0;
    if (const YAML::Node lex = root["lexicons"]) {
      std::map<std::string, std::vector<std::string>> entries;
      for (const auto& entry : lex)
        for (const auto& alt : entry.second) entries[entry.first.as<std::string>()].push_back(alt.as<std::string>());
      for (const auto& [name, alts] : entries) {
        std::vector<std::string> spliced;
        if (Status st = Splice(entries, alts, name, 0, spliced); !st.ok()) return st;
        std::string alternation;
        for (const std::string& alt : spliced) alternation += (alternation.empty() ? "" : "|") + alt;
        lexicons_[name] = alternation;
      }
      // Expand lexicons that reference other lexicons.
      for (auto& [name, alternation] : lexicons_) {
        auto expanded = Expand(alternation, "lexicon " + name, 0);
        if (!expanded.ok()) return expanded.status();
        alternation = *expanded;
      }
    }
    out_.anchor_gate = std::make_unique<internal::AnchorGate>(MatchOptions());
    const YAML::Node topics = root["topics"];
    if (!topics || !topics.IsMap()) return Status::InvalidArgument("rulebook: no `topics:` map");
    for (const auto& topic_entry : topics) {
      const std::string topic = topic_entry.first.as<std::string>();
      const YAML::Node t = topic_entry.second;
      out_.topics.push_back(topic);
      if (const YAML::Node ov = t["overrides"])
        for (const auto& o : ov) out_.overrides[topic].push_back(o.as<std::string>());
      if (!t["rules"] || !t["rules"].IsSequence()) return Status::InvalidArgument("topic " + topic + ": no `rules:` list");
      for (const auto& r : t["rules"]) {
        Compiled::Rule rule;
        rule.topic = topic;
        rule.id = topic + "/" + (r["id"] ? r["id"].as<std::string>() : std::to_string(out_.rules.size()));
        if (r["confidence"]) rule.confidence = r["confidence"].as<double>();
        if (r["stance"]) {
          rule.stance = ParseStance(r["stance"].as<std::string>());
          if (!rule.stance) return Status::InvalidArgument("rule " + rule.id + ": unknown stance");
        }
        if (r["fallback"]) rule.fallback = r["fallback"].as<bool>();
        if (r["context"]) {
          const std::string context = r["context"].as<std::string>();
          if (context != "previous" && context != "section" && context != "unit" && context != "addressee")
            return Status::InvalidArgument("rule " + rule.id + ": `context` must be `unit`, `previous`, `section` or `addressee`");
          rule.previous_context = context == "previous" || context == "section";
          rule.section_context = context == "section";
          rule.addressee_context = context == "addressee";
        }
        if (r["scope"]) {
          const std::string scope = r["scope"].as<std::string>();
          if (scope != "segment" && scope != "unit")
            return Status::InvalidArgument("rule " + rule.id + ": `scope` must be `unit` or `segment`");
          rule.segment_scope = scope == "segment";
        }
        if (!r["all_of"] || !r["all_of"].IsSequence() || r["all_of"].size() == 0)
          return Status::InvalidArgument("rule " + rule.id + ": `all_of` must be a non-empty list");
        for (const auto& p : r["all_of"]) {
          auto index = AddPattern(p.as<std::string>(), "rule " + rule.id, rule.all_of.empty());
          if (!index.ok()) return index.status();
          rule.all_of.push_back(*index);
        }
        if (const YAML::Node none = r["none_of"]) {
          for (const auto& p : none) {
            auto index = AddPattern(p.as<std::string>(), "rule " + rule.id, false);
            if (!index.ok()) return index.status();
            rule.none_of.push_back(*index);
          }
        }
        out_.rules.push_back(std::move(rule));
      }
      if (const YAML::Node ex = t["examples"]) {
        for (const auto& e : ex) {
          auto example = ParseExample(e, topic);
          if (!example.ok()) return example.status();
          out_.examples.push_back(*example);
        }
      }
    }
    if (const YAML::Node neg = root["negatives"]) {
      for (const auto& e : neg) {
        auto example = ParseExample(e, "");
        if (!example.ok()) return example.status();
        example->expect_none = true;
        out_.examples.push_back(*example);
      }
    }
    // The anchor gate's prefilter (about a third of the load) and the rules' other terms are built on threads of their
    // own while the cues, lists and actors below compile (none of them reads the gate or a term): a run waits for its
    // rulebook before it extracts anything. (On an early return the futures' destructors wait for the threads.)
    std::future<void> gate_built =
        std::async(std::launch::async, [gate = out_.anchor_gate.get()] { gate->Compile(); });
    auto terms_built = CompileTerms();

    const YAML::Node stance = root["stance"];
    if (!stance) return Status::InvalidArgument("rulebook: no `stance:` cues");
    for (const auto& entry : stance) {
      const std::string name = entry.first.as<std::string>();
      if (name == "habitual") {
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance.habitual");
          if (!re.ok()) return re.status();
          out_.habitual_cues.cues.push_back(Compiled::Cue{std::move(*re), Stance::kReports});
        }
        continue;
      }
      if (name == "explanations" || name == "background" || name == "summaries") {
        auto& cues = name == "explanations" ? out_.explanation_cues.cues
                     : name == "background" ? out_.background_cues.cues
                                            : out_.summary_cues.cues;
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance." + name);
          if (!re.ok()) return re.status();
          cues.push_back(Compiled::Cue{std::move(*re), Stance::kMentions});
        }
        continue;
      }
      if (name == "inert") {
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance.inert");
          if (!re.ok()) return re.status();
          out_.modal_cues.cues.push_back(Compiled::Cue{std::move(*re), Stance::kMentions, /*inert=*/true});
        }
        continue;
      }
      if (name == "imperative") {
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance.imperative");
          if (!re.ok()) return re.status();
          out_.imperative_cues.cues.push_back(Compiled::Cue{std::move(*re), Stance::kRequires});
        }
        continue;
      }
      if (name == "formulas") {  // fixed phrases of correspondence that state an act
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance.formulas");
          if (!re.ok()) return re.status();
          out_.modal_cues.cues.push_back(Compiled::Cue{std::move(*re), Stance::kReports});
        }
        continue;
      }
      if (name == "scope_breaks") {
        for (const auto& p : entry.second) {
          auto re = Compile(p.as<std::string>(), "stance.scope_breaks");
          if (!re.ok()) return re.status();
          out_.scope_breaks.push_back(std::move(*re));
        }
        continue;
      }
      std::optional<Stance> s = ParseStance(name);
      if (!s) return Status::InvalidArgument("stance: unknown stance `" + name + "`");
      for (const auto& p : entry.second) {
        auto re = Compile(p.as<std::string>(), "stance." + name);
        if (!re.ok()) return re.status();
        Compiled::Cue cue{std::move(*re), *s};
        (*s == Stance::kReports ? out_.report_cues : out_.modal_cues).cues.push_back(std::move(cue));
      }
    }
    for (Compiled::CueList* list : {&out_.modal_cues, &out_.imperative_cues, &out_.report_cues, &out_.habitual_cues,
                                    &out_.explanation_cues, &out_.background_cues, &out_.summary_cues})
      list->any = AnyCueSet(list->cues);
    // Lists of patterns, each compiled as it is: `key` -> `out`.
    const auto compile_list = [&](const char* key, std::vector<std::unique_ptr<RE2>>& out) -> Status {
      if (const YAML::Node list = root[key]) {
        for (const auto& p : list) {
          auto re = Compile(p.as<std::string>(), key);
          if (!re.ok()) return re.status();
          out.push_back(std::move(*re));
        }
      }
      return Status::Ok();
    };
    for (const auto& [key, list] : {std::pair{"skip_units", &out_.skip_units}, std::pair{"definitions", &out_.definitions},
                                    std::pair{"glossary_entries", &out_.glossary_entries},
                                    std::pair{"immigration_documents", &out_.immigration_documents},
                                    std::pair{"definition_sections", &out_.definition_sections}})
      if (Status st = compile_list(key, *list); !st.ok()) return st;
    if (const YAML::Node actors = root["actors"]) {
      for (const auto& a : actors) {
        Compiled::ActorCue cue;
        auto re = Compile(a["pattern"].as<std::string>(), "actors");
        if (!re.ok()) return re.status();
        cue.re = std::move(*re);
        cue.actor = a["actor"].as<std::string>();
        if (a["not_followed_by"]) {
          auto nf = Compile("^(?:" + a["not_followed_by"].as<std::string>() + ")", "actors.not_followed_by");
          if (!nf.ok()) return nf.status();
          cue.not_followed_by = std::move(*nf);
        }
        out_.actors.push_back(std::move(cue));
      }
    }
    if (const YAML::Node law_actor = root["law_actor"]) out_.law_actor = law_actor.as<std::string>();
    if (const YAML::Node addressee = root["addressee"]) {
      if (!addressee["header"]) return Status::InvalidArgument("addressee: needs `header`");
      auto header = Compile(addressee["header"].as<std::string>(), "addressee.header");
      if (!header.ok()) return header.status();
      out_.addressee_header = std::move(*header);
    }
    if (const YAML::Node agencies = root["agencies"]) {
      for (const auto& entry : agencies) {
        std::string alternation;
        for (const auto& alt : entry.second) {
          if (!alternation.empty()) alternation += "|";
          alternation += alt.as<std::string>();
        }
        auto re = Compile("\\b(?:" + alternation + ")\\b", "agencies." + entry.first.as<std::string>());
        if (!re.ok()) return re.status();
        out_.agencies.emplace_back(entry.first.as<std::string>(), std::move(*re));
      }
    }
    gate_built.get();
    if (Status st = TakeTerms(terms_built.get()); !st.ok()) return st;
    if (!out_.anchor_gate->filters()) {  // the gate cannot filter: the anchors' RE2::Set finds the candidates
      out_.set = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
      for (int p : out_.set_to_pattern) {
        std::string error;
        if (out_.set->Add(out_.patterns[p].source, &error) < 0)
          return Status::InvalidArgument("rulebook: RE2::Set rejected `" + out_.patterns[p].source + "`: " + error);
      }
      if (!out_.set->Compile()) return Status::InvalidArgument("rulebook: RE2::Set failed to compile (too large?)");
    }
    return Status::Ok();
  }

 private:
  // A lexicon entry that is a whole reference ("- '{immigration_words}'") lends the referenced lexicon's entries as
  // its own: each is later wrapped in word boundaries by its own ends. (Expanded as one group, the group would be
  // wrapped as one word, and "287(g)" would need a word character after its closing parenthesis.)
  Status Splice(const std::map<std::string, std::vector<std::string>>& entries, const std::vector<std::string>& alts,
                const std::string& where, int depth, std::vector<std::string>& out) {
    if (depth > 5) return Status::InvalidArgument("lexicon " + where + ": lexicon references nest too deep");
    for (const std::string& alt : alts) {
      const auto it = alt.size() > 2 && alt.front() == '{' && alt.back() == '}' ? entries.find(alt.substr(1, alt.size() - 2))
                                                                                 : entries.end();
      if (it == entries.end()) {
        out.push_back(alt);
      } else if (Status st = Splice(entries, it->second, where, depth + 1, out); !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  // Replaces {lexicon} references with \b(?:alternatives)\b.
  StatusOr<std::string> Expand(const std::string& pattern, const std::string& where, int depth) {
    if (depth > 5) return Status::InvalidArgument(where + ": lexicon references nest too deep");
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '{') {
        size_t close = pattern.find('}', i);
        std::string name = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
        bool identifier = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string::npos &&
                          !std::isdigit(static_cast<unsigned char>(name[0]));
        if (identifier) {
          auto it = lexicons_.find(name);
          if (it == lexicons_.end()) return Status::InvalidArgument(where + ": unknown lexicon {" + name + "}");
          auto inner = Expand(it->second, where, depth + 1);
          if (!inner.ok()) return inner.status();
          out += "(?:" + WrapWords(*inner) + ")";
          i = close;
          continue;
        }
      }
      out.push_back(pattern[i]);
    }
    return out;
  }

  StatusOr<std::unique_ptr<RE2>> Compile(const std::string& pattern, const std::string& where) {
    auto expanded = Expand(pattern, where, 0);
    if (!expanded.ok()) return expanded.status();
    auto re = std::make_unique<RE2>(internal::FoldString(*expanded), MatchOptions());
    if (!re->ok()) return Status::InvalidArgument(where + ": bad pattern `" + pattern + "`: " + re->error());
    return re;
  }

  // Anchors go to the gate (and, when it cannot filter, the RE2::Set: the
  // one-pass candidate scan); the other terms are matched only in units
  // where an anchor fired, each distinct source compiled once.
  StatusOr<int> AddPattern(const std::string& pattern, const std::string& where, bool anchor) {
    auto expanded = Expand(pattern, where, 0);
    if (!expanded.ok()) return expanded.status();
    std::string source = internal::FoldString(*expanded);
    const RE2* re = nullptr;
    if (anchor) {
      std::string error;
      re = out_.anchor_gate->Add(source, &error);
      if (!re) return Status::InvalidArgument(where + ": bad pattern `" + pattern + "`: " + error);
      out_.set_to_pattern.push_back(static_cast<int>(out_.patterns.size()));
    }
    const int index = static_cast<int>(out_.patterns.size());
    if (!anchor) {  // compiled later, all at once (CompileTerms), each distinct source once
      auto [term, added] = term_of_source_.emplace(source, static_cast<int>(pending_terms_.size()));
      if (added) pending_terms_.push_back(PendingTerm{source, where, pattern, {}});
      pending_terms_[term->second].patterns.push_back(index);
    }
    out_.patterns.push_back(Compiled::Pattern{std::move(source), re});
    return index;
  }

  // The rules' other terms, compiled on a thread of their own while the rest of the rulebook loads; Load joins it
  // (TakeTerms).
  std::future<std::vector<std::unique_ptr<RE2>>> CompileTerms() const {
    return std::async(std::launch::async, [&pending = pending_terms_] {
      std::vector<std::unique_ptr<RE2>> compiled;
      for (const PendingTerm& term : pending) compiled.push_back(std::make_unique<RE2>(term.source, MatchOptions()));
      return compiled;
    });
  }

  // Hands each compiled term to the patterns that use it; the first that RE2 refused is the error, named as where
  // the rulebook wrote it.
  Status TakeTerms(std::vector<std::unique_ptr<RE2>> compiled) {
    for (size_t i = 0; i < compiled.size(); ++i) {
      const PendingTerm& term = pending_terms_[i];
      if (!compiled[i]->ok())
        return Status::InvalidArgument(term.where + ": bad pattern `" + term.pattern + "`: " + compiled[i]->error());
      for (int p : term.patterns) out_.patterns[p].re = compiled[i].get();
      out_.terms.push_back(std::move(compiled[i]));
    }
    return Status::Ok();
  }

  StatusOr<RuleExample> ParseExample(const YAML::Node& e, const std::string& topic) {
    RuleExample ex;
    ex.topic = topic;
    if (!e["text"]) return Status::InvalidArgument("topic " + topic + ": example without `text`");
    ex.text = e["text"].as<std::string>();
    if (e["expect"] && e["expect"].as<std::string>() == "none") ex.expect_none = true;
    if (e["stance"]) {
      ex.stance = ParseStance(e["stance"].as<std::string>());
      if (!ex.stance) return Status::InvalidArgument("example `" + ex.text + "`: unknown stance");
    }
    if (!ex.expect_none && !ex.stance && !topic.empty())
      return Status::InvalidArgument("example `" + ex.text + "`: needs `stance:` or `expect: none`");
    if (e["actor"]) ex.actor = e["actor"].as<std::string>();
    if (e["agency"]) ex.agency = e["agency"].as<std::string>();
    if (e["authority"]) ex.authority = e["authority"].as<std::string>();
    return ex;
  }

  Compiled& out_;
  std::map<std::string, std::string> lexicons_;
  // A term (a rule's all_of after the anchor, or none_of) waiting for CompileTerms: its source, where the rulebook
  // wrote it (for the error), and the patterns that use it.
  struct PendingTerm {
    std::string source, where, pattern;
    std::vector<int> patterns;
  };
  std::vector<PendingTerm> pending_terms_;
  std::map<std::string, int, std::less<>> term_of_source_;  // source -> its index in pending_terms_
};

}  // namespace

std::string_view StanceName(Stance stance) {
  switch (stance) {
    case Stance::kRestricts: return "restricts";
    case Stance::kRequires: return "requires";
    case Stance::kPermits: return "permits";
    case Stance::kReports: return "reports";
    case Stance::kMentions: return "mentions";
  }
  return "mentions";
}

std::optional<Stance> ParseStance(std::string_view name) {
  for (Stance s : {Stance::kRestricts, Stance::kRequires, Stance::kPermits, Stance::kReports, Stance::kMentions})
    if (StanceName(s) == name) return s;
  return std::nullopt;
}

const std::string& Rulebook::hash() const { return hash_.empty() ? compiled_->hash : hash_; }

Rulebook Rulebook::WithJurisdictions(Jurisdictions jurisdictions) const {
  Rulebook out = *this;
  out.hash_ = compiled_->hash + "+" + jurisdictions.hash() + (verifier_ ? "+" + verifier_->hash() : std::string());
  out.jurisdictions_ = std::make_shared<const Jurisdictions>(std::move(jurisdictions));
  return out;
}

Rulebook Rulebook::WithVerifier(ClauseVerifier verifier) const {
  Rulebook out = *this;
  out.hash_ = hash() + "+" + verifier.hash();
  out.verifier_ = std::make_shared<const ClauseVerifier>(std::move(verifier));
  return out;
}

std::string Rulebook::CanonicalAgency(std::string_view name) const {
  const std::string folded = internal::FoldString(name);
  for (const auto& [short_name, re] : compiled_->agencies) {
    if (RE2::PartialMatch(folded, *re)) return short_name;
  }
  return std::string(name);
}
int Rulebook::version() const { return compiled_->version; }
std::vector<std::string> Rulebook::topics() const { return compiled_->topics; }
const std::vector<RuleExample>& Rulebook::examples() const { return compiled_->examples; }

namespace internal {

std::string WithoutExamples(std::string_view yaml) {
  // A mapping key line: the key, and what follows its colon (nothing, or a comment, when it opens a block).
  static const RE2 kKey(R"( *([A-Za-z_][\w-]*):(|\s.*))");
  static const RE2 kNothing(R"(\s*(?:#.*)?)");
  struct Key {
    size_t indent;
    std::string name;
  };
  std::vector<Key> path;  // the mapping keys the current line is under
  std::string out;
  out.reserve(yaml.size());
  std::optional<size_t> block_indent;  // set while inside a skipped block
  while (!yaml.empty()) {
    const size_t end = yaml.find('\n');
    const std::string_view line = yaml.substr(0, end == std::string_view::npos ? yaml.size() : end + 1);
    yaml.remove_prefix(line.size());
    const std::string_view text = line.substr(0, line.find_last_not_of("\r\n") + 1);
    const size_t indent = std::min(text.find_first_not_of(' '), text.size());
    const bool blank_or_comment = indent == text.size() || text[indent] == '#';
    if (block_indent) {
      const bool compact_item =
          indent == *block_indent && text[indent] == '-' && (indent + 1 == text.size() || text[indent + 1] == ' ');
      if (blank_or_comment || indent > *block_indent || compact_item) continue;
      block_indent.reset();
    }
    std::string name, rest;
    if (!blank_or_comment && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kKey, &name, &rest)) {
      while (!path.empty() && path.back().indent >= indent) path.pop_back();
      // Only the examples where the rulebook keeps them: topics.<topic>.examples and the top-level negatives (a
      // lexicon or rule that happens to be called "examples" stays).
      const bool examples = name == "examples" && path.size() == 2 && path[0].name == "topics";
      const bool negatives = name == "negatives" && path.empty();
      if ((examples || negatives) && RE2::FullMatch(rest, kNothing)) {
        block_indent = indent;
        continue;
      }
      path.push_back(Key{indent, name});
    }
    out += line;
  }
  return out;
}

}  // namespace internal

StatusOr<Rulebook> LoadRulebook(std::string_view yaml, RulebookExamples examples) {
  auto compiled = std::make_shared<Compiled>();
  compiled->hash = internal::Fnv1a64(yaml);
  try {
    YAML::Node root = YAML::Load(examples == RulebookExamples::kSkip ? internal::WithoutExamples(yaml) : std::string(yaml));
    Loader loader(*compiled);
    Status status = loader.Load(root);
    if (!status.ok()) return status;
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("rulebook YAML: ") + e.what());
  }
  return Rulebook(std::move(compiled));
}

}  // namespace foiamine::extractors
