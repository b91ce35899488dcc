#include "extractors/clause_verifier.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "extractors/text_fold.h"

namespace foiamine::extractors {
namespace {

constexpr size_t kClassCount = ClauseVerifier::kClasses.size();

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool ParseNumber(std::string_view text, double* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && std::isfinite(*out);
}

// kClassCount numbers from fields[first...].
bool ParseRow(const std::vector<std::string_view>& fields, size_t first, std::array<double, kClassCount>* out) {
  if (fields.size() != first + kClassCount) return false;
  for (size_t k = 0; k < kClassCount; ++k)
    if (!ParseNumber(fields[first + k], &(*out)[k])) return false;
  return true;
}

std::optional<Stance> StanceOfClass(size_t k) {
  if (k == 0) return std::nullopt;  // "none"
  return ParseStance(ClauseVerifier::kClasses[k]);
}

size_t ClassOfStance(Stance stance) {
  for (size_t k = 1; k < kClassCount; ++k)
    if (ClauseVerifier::kClasses[k] == StanceName(stance)) return k;
  return 0;  // mentions: no class of its own
}

// Calls `emit` with each feature of the clause (a word or pair may come more
// than once; callers dedupe). One buffer for every feature built from parts,
// so a clause costs no allocation per word.
template <typename Emit>
void ForEachFeature(const Clause& clause, std::string_view authority, Emit&& emit) {
  std::string lower;
  lower.reserve(clause.text.size());
  std::vector<std::pair<size_t, size_t>> spans;  // [start, end) of each word in `lower`
  size_t start = std::string::npos;
  for (size_t i = 0; i <= clause.text.size(); ++i) {
    const char ch = i < clause.text.size() ? clause.text[i] : ' ';
    const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    lower += letter ? static_cast<char>(ch | 0x20) : ' ';
    if (letter && start == std::string::npos) start = i;
    if (!letter && start != std::string::npos) spans.emplace_back(start, i), start = std::string::npos;
  }
  std::string buffer;
  std::string_view previous;
  for (const auto& [from, to] : spans) {
    const std::string_view word = std::string_view(lower).substr(from, to - from);
    emit(word);
    if (!previous.empty()) {
      buffer.assign(previous).append("_").append(word);
      emit(std::string_view(buffer));
    }
    previous = word;
  }
  const std::string_view stance = StanceName(clause.stance);
  const std::string_view au = authority.empty() ? std::string_view("none") : authority;
  auto joined = [&](std::string_view a, std::string_view b, std::string_view c = {}) {
    buffer.assign(a).append(b).append(c);
    emit(std::string_view(buffer));
  };
  joined("RULE=", clause.rule);
  joined("RS=", stance);
  joined("TOP=", clause.topic);
  joined("AU=", au);
  joined("RSAU=", stance, au);
  joined("TOPRS=", clause.topic, stance);
}

}  // namespace

std::vector<std::string> ClauseVerifierFeatures(const Clause& clause, std::string_view authority) {
  std::vector<std::string> out;
  ForEachFeature(clause, authority, [&](std::string_view f) { out.emplace_back(f); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ClauseVerifier::Probabilities ClauseVerifier::Classify(const Clause& clause, std::string_view authority) const {
  // Features are binary: each known one counts once, however often it occurs.
  std::vector<const std::array<float, kClassCount>*> known;
  ForEachFeature(clause, authority, [&](std::string_view f) {
    if (auto it = weights_.find(f); it != weights_.end()) known.push_back(&it->second);
  });
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  std::array<double, kClassCount> sum{};
  for (const auto* w : known)
    for (size_t k = 0; k < kClassCount; ++k) sum[k] += (*w)[k];
  // Features are L2-normalised over the known ones; the bias is a
  // constant feature 1 outside the norm (LIBLINEAR's -B 1).
  const double scale = known.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(known.size()));
  Probabilities p{};
  double total = 0;
  for (size_t k = 0; k < kClassCount; ++k) {
    p[k] = 1.0 / (1.0 + std::exp(-(sum[k] * scale + bias_[k])));
    total += p[k];
  }
  for (double& x : p) x /= total;
  return p;
}

void ClauseVerifier::Revise(std::string_view authority, std::vector<Clause>& clauses) const {
  for (Clause& c : clauses) {
    const Probabilities p = Classify(c, authority);
    const size_t best = static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
    std::optional<Stance> revised;
    double confidence = 0;
    if (c.stance != Stance::kMentions) {
      const size_t own = ClassOfStance(c.stance);
      if (p[0] > demote_) {
        revised = Stance::kMentions, confidence = p[0];
      } else if (best != 0 && best != own && p[best] - p[own] > change_) {
        revised = StanceOfClass(best), confidence = p[best];
      }
    } else if (best != 0 && p[best] > promote_) {
      revised = StanceOfClass(best), confidence = p[best];
    }
    if (!revised || *revised == c.stance) continue;
    c.rule += "@verifier(" + std::string(StanceName(c.stance)) + "->" + std::string(StanceName(*revised)) + ")";
    c.stance = *revised;
    c.confidence = confidence;
    // The rule's cue no longer set this stance (clause.h: start == end).
    c.stance_cue.end = c.stance_cue.start;
  }
}

foiamine::StatusOr<ClauseVerifier> ParseClauseVerifier(std::string_view text) {
  ClauseVerifier v;
  v.hash_ = internal::Fnv1a64(text);
  bool have_classes = false, have_thresholds = false, have_bias = false;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    auto bad = [&](std::string_view why) {
      return Status::InvalidArgument("line " + std::to_string(line_no) + ": " + std::string(why));
    };
    if (f[0] == "version") {
      if (f.size() != 2 || f[1] != "1") return bad("version must be 1");
    } else if (f[0] == "classes") {
      if (f.size() != kClassCount + 1 || !std::equal(f.begin() + 1, f.end(), ClauseVerifier::kClasses.begin()))
        return bad("classes must be none, permits, reports, requires, restricts (tab-separated)");
      have_classes = true;
    } else if (f[0] == "thresholds") {
      bool demote = false, change = false, promote = false;
      for (size_t i = 1; i < f.size(); ++i) {
        const size_t eq = f[i].find('=');
        double value = 0;
        if (eq == std::string_view::npos || !ParseNumber(f[i].substr(eq + 1), &value)) return bad("thresholds: name=number");
        const std::string_view name = f[i].substr(0, eq);
        if (name == "demote") v.demote_ = value, demote = true;
        else if (name == "change") v.change_ = value, change = true;
        else if (name == "promote") v.promote_ = value, promote = true;
        else return bad("unknown threshold " + std::string(name));
      }
      have_thresholds = demote && change && promote && f.size() == 4;
      if (!have_thresholds) return bad("thresholds needs demote, change and promote, once each");
    } else if (f[0] == "bias") {
      if (!ParseRow(f, 1, &v.bias_)) return bad("bias needs one number per class");
      have_bias = true;
    } else if (f[0] == "feature") {
      std::array<double, kClassCount> row{};
      if (f.size() < 2 || f[1].empty() || !ParseRow(f, 2, &row)) return bad("feature needs a name and one weight per class");
      auto& w = v.weights_[std::string(f[1])];
      for (size_t k = 0; k < kClassCount; ++k) w[k] = static_cast<float>(row[k]);
    } else {
      return bad("unknown key '" + std::string(f[0]) + "'");
    }
  }
  if (!have_classes || !have_thresholds || !have_bias) return Status::InvalidArgument("needs classes, thresholds and bias lines");
  return v;
}

}  // namespace foiamine::extractors
