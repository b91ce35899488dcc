#include "pipeline/ocr_cache.h"

#include <nlohmann/json.hpp>

#include <cstring>

#include "base/sha256.h"

namespace foiamine {

std::string OcrCacheKey(const std::string& image_sha256, const std::string& engine_version) {
  return Sha256Hex(image_sha256 + "|" + engine_version);
}

std::string EncodeOcrResult(const OcrPageResult& r) {
  nlohmann::json words = nlohmann::json::array();
  for (const auto& w : r.words) {
    Box b = w.box.value_or(Box{});
    words.push_back({w.text, b.x0, b.y0, b.x1, b.y1, w.confidence.value_or(0), static_cast<int>(w.after)});
  }
  nlohmann::json j = {{"width_pt", r.width_pt}, {"height_pt", r.height_pt}, {"rotation", r.rotation_degrees},
                      {"skew", r.skew_degrees}, {"words", std::move(words)}};
  nlohmann::json regions = nlohmann::json::array();
  for (const Box& b : r.dark_regions) regions.push_back({b.x0, b.y0, b.x1, b.y1});
  j["redactions"] = std::move(regions);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StatusOr<OcrPageResult> DecodeOcrResult(const std::string& text) {
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    OcrPageResult r;
    r.width_pt = j.at("width_pt").get<double>();
    r.height_pt = j.at("height_pt").get<double>();
    r.rotation_degrees = j.at("rotation").get<int>();
    r.skew_degrees = j.at("skew").get<double>();
    double conf_sum = 0, weight_sum = 0;
    for (const auto& w : j.at("words")) {
      SourceWord word;
      word.text = w.at(0).get<std::string>();
      word.box = Box{w.at(1).get<double>(), w.at(2).get<double>(), w.at(3).get<double>(), w.at(4).get<double>()};
      word.confidence = w.at(5).get<double>();
      int after = w.at(6).get<int>();
      word.after = after == 1 ? Break::kLine : after == 2 ? Break::kParagraph : Break::kSpace;
      conf_sum += *word.confidence * static_cast<double>(word.text.size());
      weight_sum += static_cast<double>(word.text.size());
      r.words.push_back(std::move(word));
    }
    if (weight_sum > 0) r.mean_confidence = conf_sum / weight_sum;
    // Since ocr-3 (older entries are under another engine version's key).
    if (j.contains("redactions")) {
      for (const auto& b : j.at("redactions")) {
        r.dark_regions.push_back(Box{b.at(0).get<double>(), b.at(1).get<double>(), b.at(2).get<double>(), b.at(3).get<double>()});
      }
    }
    return r;
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("malformed OCR cache entry: ") + e.what());
  }
}

OcrCacheReader::OcrCacheReader(const std::string& db_path) {
  auto db = Database::Open(db_path, Database::Mode::kReadOnly);
  if (db.ok()) db_.emplace(std::move(db.value()));
}

std::optional<OcrPageResult> OcrCacheReader::Find(const std::string& key) {
  if (!db_) return std::nullopt;
  auto stmt = db_->Prepare("SELECT result FROM ocr_cache WHERE key=?");
  if (!stmt.ok()) return std::nullopt;
  stmt->Bind(1, key);
  // Any failure to read the cache is a miss: the page is OCR'd again, which
  // costs time and changes no result.
  if (!stmt->Step()) return std::nullopt;
  auto decoded = DecodeOcrResult(stmt->Text(0));
  if (!decoded.ok()) return std::nullopt;
  return std::move(decoded.value());
}

}  // namespace foiamine
