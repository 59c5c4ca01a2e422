#pragma once
// Evidence use cases: attach a file to an assessment's questions, list what backs each answer, save a file
// out again, change, remove and restore. The front doors pass the limits their settings hold.
#include "app/workspace.hpp"
#include "core/evidence_review.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mw::app {

struct EvidenceOverview {
    AssessmentInfo info;
    std::shared_ptr<const Model> model;
    Scorecard scores;
    std::vector<Evidence> evidence; // not removed, by when it was attached
    std::vector<Evidence> removed;  // recoverable until the next backup
    EvidenceReview review;          // points into model and evidence: keep the overview whole

    EvidenceOverview() = default;
    EvidenceOverview(const EvidenceOverview&) = delete; // the review's pointers would dangle
    EvidenceOverview(EvidenceOverview&&) = default;
};
Result<std::unique_ptr<EvidenceOverview>> evidenceOverview(Workspace& workspace, Id assessmentId);

struct AttachRequest {
    std::filesystem::path file;
    std::string fileName; // the name to keep (a pasted image has none of its own); empty: the file's
    std::string title;    // empty: the file's name without its extension
    std::string validOn;  // YYYY-MM-DD, or empty
    std::string suppliedBy;
    std::vector<std::string> questionIds; // empty: the assessment as a whole
    std::string participant;              // a voice's id, uid or name; empty: the consensus
    EvidenceLimits limits;
    std::function<bool(std::int64_t done, std::int64_t total)> progress; // see NewEvidence::progress
};
// Checked (questions, date, participant, limits) before anything is written; committed whole or not at all.
Result<Evidence> attachEvidence(Workspace& workspace, Id assessmentId, const AttachRequest& request);

// The evidence by id, checked to belong to the assessment when one is given.
Result<Evidence> findEvidence(Workspace& workspace, Id evidenceId, std::optional<Id> assessmentId = {});
Result<Evidence> editEvidence(Workspace& workspace, Id evidenceId, const EvidenceEdit& edit);
Result<Evidence> removeEvidence(Workspace& workspace, Id evidenceId);
Result<Evidence> restoreEvidence(Workspace& workspace, Id evidenceId);
// The assessment's evidence in the order attached, removed ones too when asked.
Result<std::vector<Evidence>> listEvidence(Workspace& workspace, Id assessmentId, bool includeRemoved);
// The file's bytes a chunk at a time, for a preview.
Result<void> readEvidenceBytes(Workspace& workspace, const std::string& sha256,
                               const std::function<Result<void>(std::string_view)>& sink);
// The whole file at once, for a picture to decode; a file larger than the limit is refused unread.
Result<std::string> readEvidenceContent(Workspace& workspace, const Evidence& evidence, std::int64_t limit);
// Writes the file out, refusing the database's own files as the target.
Result<Evidence> saveEvidenceFile(Workspace& workspace, Id evidenceId, const std::filesystem::path& target);

} // namespace mw::app
