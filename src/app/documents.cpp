#include "app/documents.hpp"

#include "app/assessments.hpp"
#include "core/model_loader.hpp"

namespace mw::app {

Result<ReportData> reportData(Workspace& workspace, Id id) {
    auto bundle = workspace.store().exportBundle(id);
    if (!bundle)
        return std::unexpected(bundle.error());
    ReportData data = ReportData::fromBundle(*bundle);
    // A follow-up's report tells the story since its baseline; one that cannot be read leaves it out.
    if (data.info.baselineId)
        if (auto baseline = baselineSummary(workspace, *data.info.baselineId, *data.model, data.answers,
                                            Roster::of(data.participants)))
            data.baseline = std::move(*baseline);
    return data;
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

Result<std::string> bundleFileBytes(const Bundle& bundle, const Secret* password) {
    std::string text = serializeBundle(bundle);
    if (!password)
        return text;
    auto sealed = seal(text, *password);
    wipeText(text);
    return sealed;
}

Result<bool> isSealedBundleFile(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text)
        return std::unexpected(text.error());
    if (!looksSealed(*text))
        return false;
    // A cut or foreign header is reported now: asking for a password would not help.
    if (auto header = readSealedHeader(*text, path.string()); !header)
        return std::unexpected(header.error());
    return true;
}

Result<Bundle> readBundleFile(const std::filesystem::path& path, const Secret* password) {
    auto text = readTextFile(path);
    if (!text)
        return std::unexpected(text.error());
    if (!looksSealed(*text))
        return parseBundle(*text, path.string());
    if (!password)
        return fail(path.string() + ": the bundle is sealed; give its password to open it");
    auto plain = unseal(*text, *password, path.string());
    if (!plain)
        return std::unexpected(plain.error());
    auto bundle = parseBundle(*plain, path.string());
    wipeText(*plain);
    return bundle;
}

Result<Secret> readPasswordFile(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text)
        return fail("password file " + text.error().message);
    std::string password = std::move(*text);
    if (password.ends_with('\n'))
        password.pop_back();
    if (password.ends_with('\r'))
        password.pop_back();
    Secret secret(std::move(password));
    if (secret.empty())
        return fail(path.string() + ": the password file is empty");
    return secret;
}

Result<ImportOutcome> importBundle(Workspace& workspace, const Bundle& bundle) {
    return workspace.store().importBundle(bundle);
}

Result<std::vector<ImportOutcome>> importBundles(Workspace& workspace,
                                                 const std::vector<std::pair<std::string, Bundle>>& bundles) {
    std::vector<Store::NamedBundle> named;
    named.reserve(bundles.size());
    for (const auto& [file, bundle] : bundles)
        named.push_back({file, &bundle});
    return workspace.store().importBundles(named);
}

} // namespace mw::app
