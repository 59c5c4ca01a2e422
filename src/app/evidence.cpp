#include "app/evidence.hpp"

#include "app/workshop.hpp"

namespace mw::app {

Result<std::unique_ptr<EvidenceOverview>> evidenceOverview(Workspace& workspace, Id assessmentId) {
    Store& store = workspace.store();
    auto info = store.assessmentInfo(assessmentId);
    if (!info)
        return std::unexpected(info.error());
    auto model = store.model(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    auto answers = store.answers(assessmentId);
    if (!answers)
        return std::unexpected(answers.error());
    auto participants = store.participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    auto all = store.evidence(assessmentId, true);
    if (!all)
        return std::unexpected(all.error());
    auto overview = std::make_unique<EvidenceOverview>();
    overview->info = std::move(*info);
    overview->model = *model;
    overview->scores = computeScores(**model, *answers, Roster::of(*participants));
    for (auto& e : *all)
        (e.removed() ? overview->removed : overview->evidence).push_back(std::move(e));
    overview->review = reviewEvidence(*overview->model, overview->scores, overview->evidence);
    return overview;
}

Result<Evidence> attachEvidence(Workspace& workspace, Id assessmentId, const AttachRequest& request) {
    NewEvidence stored;
    stored.file = request.file;
    stored.fileName = request.fileName;
    stored.title = request.title;
    stored.validOn = request.validOn;
    stored.suppliedBy = request.suppliedBy;
    stored.questionIds = request.questionIds;
    stored.limits = request.limits;
    stored.progress = request.progress;
    if (!request.participant.empty()) {
        auto who = findParticipant(workspace, assessmentId, request.participant);
        if (!who)
            return std::unexpected(who.error());
        stored.participantId = who->id;
        if (stored.suppliedBy.empty())
            stored.suppliedBy = who->name;
    }
    return workspace.store().addEvidence(assessmentId, stored);
}

Result<Evidence> findEvidence(Workspace& workspace, Id evidenceId, std::optional<Id> assessmentId) {
    if (assessmentId) {
        if (auto info = workspace.store().assessmentInfo(*assessmentId); !info)
            return std::unexpected(info.error());
        auto owner = workspace.store().evidenceAssessment(evidenceId);
        if (!owner)
            return std::unexpected(owner.error());
        if (*owner != *assessmentId)
            return fail("evidence " + std::to_string(evidenceId) + " belongs to assessment " +
                        std::to_string(*owner) + ", not to assessment " + std::to_string(*assessmentId));
    }
    return workspace.store().evidenceItem(evidenceId);
}

Result<Evidence> editEvidence(Workspace& workspace, Id evidenceId, const EvidenceEdit& edit) {
    return workspace.store().editEvidence(evidenceId, edit);
}

Result<Evidence> removeEvidence(Workspace& workspace, Id evidenceId) {
    return workspace.store().removeEvidence(evidenceId);
}

Result<Evidence> restoreEvidence(Workspace& workspace, Id evidenceId) {
    return workspace.store().restoreEvidence(evidenceId);
}

Result<std::vector<Evidence>> listEvidence(Workspace& workspace, Id assessmentId, bool includeRemoved) {
    return workspace.store().evidence(assessmentId, includeRemoved);
}

Result<void> readEvidenceBytes(Workspace& workspace, const std::string& sha256,
                               const std::function<Result<void>(std::string_view)>& sink) {
    return workspace.store().readEvidenceFile(sha256, sink);
}

Result<std::string> readEvidenceContent(Workspace& workspace, const Evidence& evidence, std::int64_t limit) {
    if (evidence.size > limit)
        return fail("evidence '" + evidence.title + "' is " + formatByteSize(evidence.size) +
                    ", more than the " + formatByteSize(limit) + " read whole");
    std::string content;
    content.reserve(static_cast<std::size_t>(evidence.size));
    auto read =
        workspace.store().readEvidenceFile(evidence.sha256, [&](std::string_view piece) -> Result<void> {
            content.append(piece);
            return {};
        });
    if (!read)
        return std::unexpected(read.error());
    return content;
}

Result<Evidence> saveEvidenceFile(Workspace& workspace, Id evidenceId, const std::filesystem::path& target) {
    if (auto refused = checkOutputPath(workspace.path(), target); !refused)
        return std::unexpected(refused.error());
    auto item = workspace.store().evidenceItem(evidenceId);
    if (!item)
        return std::unexpected(item.error());
    if (auto written = workspace.store().writeEvidenceFile(evidenceId, target); !written)
        return std::unexpected(written.error());
    return item;
}

} // namespace mw::app
