#pragma once
// Evidence: the documents, photos and exports that back an answer. The bytes are stored once per content
// (addressed by SHA-256); each piece of evidence names its file, what it is, the date it is valid for, who
// supplied it and the questions it supports.
#include "assessment.hpp"
#include "error.hpp"
#include "model.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

inline constexpr std::int64_t kMebibyte = 1024 * 1024;

// What one database accepts; the settings change it. A file over perFileBytes, or one that would take an
// assessment's evidence (each distinct file counted once) over perAssessmentBytes, is refused whole.
struct EvidenceLimits {
    std::int64_t perFileBytes = 512 * kMebibyte;
    std::int64_t perAssessmentBytes = 2048 * kMebibyte;
};

struct Evidence {
    Id id = 0;
    std::string uid; // stable across bundles and follow-ups' copies
    std::string sha256;
    std::int64_t size = 0;
    std::string mediaType; // detected from the content, never from the name
    std::string fileName;  // the name it was attached under, for saving it out again
    std::string title;
    std::string validOn;                  // the date the evidence speaks for (YYYY-MM-DD), or empty
    std::string suppliedBy;               // who handed it over
    std::vector<std::string> questionIds; // the questions it supports; empty: the assessment as a whole
    std::optional<Id> participantId;      // a voice's evidence; empty: the consensus
    // The baseline's evidence this copy continues (its uid): a follow-up starts with its baseline's evidence
    // linked, so that the assessor sees what to renew.
    std::string carriedFrom;
    std::string addedAt;   // ISO 8601 UTC
    std::string removedAt; // set when removed; kept, recoverable, until the next backup

    bool fromBaseline() const { return !carriedFrom.empty(); }
    bool removed() const { return !removedAt.empty(); }
    bool supports(std::string_view questionId) const;
    bool operator==(const Evidence&) const = default;
};

// What an edit may change; an empty optional leaves the field as it is.
struct EvidenceEdit {
    std::optional<std::string> title;
    std::optional<std::string> validOn;
    std::optional<std::string> suppliedBy;
    std::optional<std::vector<std::string>> questionIds;
};
Evidence applied(Evidence evidence, const EvidenceEdit& edit);

// One problem of the evidence's fields against the model, naming the field: a blank title, a date that is
// not a date, or a question the model does not ask.
std::optional<std::string> checkEvidence(const Model& model, const Evidence& evidence);

// SHA-256 over bytes given in pieces, so that a file of any size is hashed without being held in memory.
class Sha256 {
public:
    Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    ~Sha256();
    void update(std::string_view bytes);
    // 64 lowercase hex digits; the hash cannot be updated afterwards.
    std::string hexDigest();

private:
    struct State;
    std::unique_ptr<State> state_;
};
std::string sha256Hex(std::string_view bytes);
bool isSha256Hex(std::string_view text);

// The media type of a file from its first bytes (libmagic), e.g. "image/png", "application/pdf";
// "application/octet-stream" when nothing is recognised.
std::string detectMediaType(std::string_view head);
// How many leading bytes detectMediaType wants.
inline constexpr std::size_t kMediaTypeHeadBytes = 64 * 1024;
// Raster images the product may decode for a thumbnail. Nothing else is ever rendered: SVG, HTML and PDF
// can carry scripts or links, and are opened only by the desktop's own application when the user asks.
bool isPreviewableImage(std::string_view mediaType);
// A short name for the kind of file: "PNG image", "PDF document", "spreadsheet", "file".
std::string describeMediaType(std::string_view mediaType);

// "812 bytes", "45 KB", "3.4 MB", "1.2 GB" (1 KB = 1024 bytes).
std::string formatByteSize(std::int64_t bytes);

// The model's suggested evidence for the question that no attached evidence's title covers (case folded;
// a title covers a suggestion when either contains the other), in the model's order.
std::vector<std::string> suggestedEvidenceMissing(const Question& question,
                                                  const std::vector<Evidence>& attached);

// The evidence (not removed) that supports the question, in the order given.
std::vector<const Evidence*> evidenceFor(const std::vector<Evidence>& all, std::string_view questionId);
std::size_t evidenceCount(const std::vector<Evidence>& all, std::string_view questionId);
// One piece of evidence as reports and spreadsheets name it: "Signed charter (valid on 2026-10-01, from the
// baseline)"; and several joined with "; ".
std::string evidenceLabel(const Evidence& evidence);
std::string evidenceLabels(const std::vector<const Evidence*>& evidence);
// A checksum in four groups of sixteen digits, so that a narrow column can wrap it.
std::string groupedDigest(std::string_view sha256);

} // namespace mw
