#include "app/documents.hpp"

#include "core/model_loader.hpp"

namespace mw::app {

Result<ReportData> reportData(Workspace& workspace, Id id) {
    auto bundle = workspace.store().exportBundle(id);
    if (!bundle)
        return std::unexpected(bundle.error());
    return ReportData::fromBundle(*bundle);
}

Result<ComparisonState> compare(Workspace& workspace, Id before, Id after) {
    if (before == after)
        return fail("assessment " + std::to_string(before) +
                    " cannot be compared with itself; pick its baseline or a later follow-up");
    Store& store = workspace.store();
    auto beforeLoaded = store.assessment(before);
    if (!beforeLoaded)
        return std::unexpected(beforeLoaded.error());
    auto beforeAnswers = store.answers(before);
    if (!beforeAnswers)
        return std::unexpected(beforeAnswers.error());
    auto afterLoaded = store.assessment(after);
    if (!afterLoaded)
        return std::unexpected(afterLoaded.error());
    auto afterAnswers = store.answers(after);
    if (!afterAnswers)
        return std::unexpected(afterAnswers.error());
    auto beforeParticipants = store.participants(before);
    auto afterParticipants = store.participants(after);
    if (!beforeParticipants || !afterParticipants)
        return std::unexpected(!beforeParticipants ? beforeParticipants.error() : afterParticipants.error());
    ComparisonState state;
    state.before = std::move(beforeLoaded->info);
    state.after = std::move(afterLoaded->info);
    state.beforeModel = std::make_shared<const Model>(std::move(beforeLoaded->model));
    state.afterModel = std::make_shared<const Model>(std::move(afterLoaded->model));
    state.comparison =
        compareAssessments(*state.beforeModel, *beforeAnswers, *state.afterModel, *afterAnswers,
                           Roster::of(*beforeParticipants), Roster::of(*afterParticipants));
    return state;
}

Result<Bundle> exportBundle(Workspace& workspace, Id id) {
    return workspace.store().exportBundle(id);
}

Result<Bundle> readBundleFile(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text)
        return std::unexpected(text.error());
    return parseBundle(*text, path.string());
}

Result<ImportOutcome> importBundle(Workspace& workspace, const Bundle& bundle) {
    return workspace.store().importBundle(bundle);
}

} // namespace mw::app
