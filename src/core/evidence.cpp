#include "evidence.hpp"

#include <magic.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace mw {

bool Evidence::supports(std::string_view questionId) const {
    return std::find(questionIds.begin(), questionIds.end(), questionId) != questionIds.end();
}

Evidence applied(Evidence evidence, const EvidenceEdit& edit) {
    if (edit.title)
        evidence.title = *edit.title;
    if (edit.validOn)
        evidence.validOn = *edit.validOn;
    if (edit.suppliedBy)
        evidence.suppliedBy = *edit.suppliedBy;
    if (edit.questionIds)
        evidence.questionIds = *edit.questionIds;
    return evidence;
}

std::optional<std::string> checkEvidence(const Model& model, const Evidence& evidence) {
    if (evidence.title.find_first_not_of(" \t\r\n") == std::string::npos)
        return "the title is empty";
    if (!evidence.validOn.empty() && !isIsoDate(evidence.validOn))
        return "the valid-on date '" + evidence.validOn + "' is not a date such as 2026-03-31";
    for (const auto& id : evidence.questionIds)
        if (!model.question(id))
            return "the model has no question " + id;
    return std::nullopt;
}

struct Sha256::State {
    crypto_hash_sha256_state hash;
};

Sha256::Sha256()
    : state_(std::make_unique<State>()) {
    crypto_hash_sha256_init(&state_->hash);
}
Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(&state_->hash, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::hexDigest() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state_->hash, digest.data());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hexDigest();
}

bool isSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string detectMediaType(std::string_view head) {
    constexpr std::string_view unknown = "application/octet-stream";
    if (head.empty())
        return "application/x-empty";
    // A handle per call: libmagic's handles are not thread-safe, and loading its compiled database is a
    // memory map, cheap beside reading the file. Compressed files are not looked into.
    magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF | MAGIC_ERROR);
    if (!cookie)
        return std::string(unknown);
    std::string type(unknown);
    if (magic_load(cookie, nullptr) == 0)
        if (const char* found = magic_buffer(cookie, head.data(), std::min(head.size(), kMediaTypeHeadBytes)))
            type = found;
    magic_close(cookie);
    return type;
}

bool isPreviewableImage(std::string_view mediaType) {
    return mediaType == "image/png" || mediaType == "image/jpeg" || mediaType == "image/gif" ||
           mediaType == "image/bmp" || mediaType == "image/webp";
}

std::string describeMediaType(std::string_view type) {
    struct Known {
        std::string_view prefix;
        std::string_view name;
    };
    static constexpr std::array<Known, 14> known{{
        {"image/png", "PNG image"},
        {"image/jpeg", "JPEG photo"},
        {"image/gif", "GIF image"},
        {"image/webp", "WebP image"},
        {"image/svg", "SVG drawing"},
        {"image/", "image"},
        {"application/pdf", "PDF document"},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml", "spreadsheet"},
        {"application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml", "word-processing document"},
        {"application/vnd.oasis.opendocument.text", "word-processing document"},
        {"text/csv", "CSV table"},
        {"text/", "text"},
        {"application/zip", "zip archive"},
    }};
    for (const auto& [prefix, name] : known)
        if (type.starts_with(prefix))
            return std::string(name);
    return "file";
}

std::string formatByteSize(std::int64_t bytes) {
    if (bytes < 1024)
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    static constexpr std::array<const char*, 4> units{"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    for (value /= 1024.0; value >= 1024.0 && unit + 1 < units.size(); value /= 1024.0)
        ++unit;
    char text[32];
    // Whole numbers from 10 up, one decimal below: "45 KB", "3.4 MB".
    std::snprintf(text, sizeof text, value >= 10.0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

namespace {

std::string folded(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::vector<std::string> suggestedEvidenceMissing(const Question& question,
                                                  const std::vector<Evidence>& attached) {
    std::vector<std::string> titles;
    for (const auto& evidence : attached)
        if (!evidence.removed() && evidence.supports(question.id))
            titles.push_back(folded(evidence.title));
    std::vector<std::string> missing;
    for (const auto& suggestion : question.evidence) {
        const std::string wanted = folded(suggestion);
        const bool covered = std::any_of(titles.begin(), titles.end(), [&](const std::string& title) {
            return title.find(wanted) != std::string::npos || wanted.find(title) != std::string::npos;
        });
        if (!covered)
            missing.push_back(suggestion);
    }
    return missing;
}

std::vector<const Evidence*> evidenceFor(const std::vector<Evidence>& all, std::string_view questionId) {
    std::vector<const Evidence*> out;
    for (const auto& evidence : all)
        if (!evidence.removed() && evidence.supports(questionId))
            out.push_back(&evidence);
    return out;
}

std::size_t evidenceCount(const std::vector<Evidence>& all, std::string_view questionId) {
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const Evidence& evidence) {
        return !evidence.removed() && evidence.supports(questionId);
    }));
}

std::string evidenceLabel(const Evidence& evidence) {
    std::vector<std::string> facts;
    if (!evidence.validOn.empty())
        facts.push_back("valid on " + evidence.validOn);
    if (evidence.fromBaseline())
        facts.push_back("from the baseline");
    std::string label = evidence.title;
    for (std::size_t i = 0; i < facts.size(); ++i)
        label += (i == 0 ? " (" : ", ") + facts[i];
    return facts.empty() ? label : label + ")";
}

std::string evidenceLabels(const std::vector<const Evidence*>& evidence) {
    std::string out;
    for (const Evidence* e : evidence)
        out += (out.empty() ? "" : "; ") + evidenceLabel(*e);
    return out;
}

std::string groupedDigest(std::string_view sha256) {
    std::string out;
    for (std::size_t at = 0; at < sha256.size(); at += 16)
        out += (out.empty() ? "" : " ") + std::string(sha256.substr(at, 16));
    return out;
}

} // namespace mw
