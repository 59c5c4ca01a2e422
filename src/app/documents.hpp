#pragma once
// Reports, spreadsheets, comparisons and bundles: what leaves the workspace, and what comes in.
#include "app/workspace.hpp"
#include "core/comparison.hpp"
#include "core/report_data.hpp"
#include "core/sealed_bundle.hpp"

#include <filesystem>
#include <memory>

namespace mw::app {

// Everything a report or spreadsheet of that assessment shows.
Result<ReportData> reportData(Workspace& workspace, Id id);

struct ComparisonState {
    AssessmentInfo before;
    AssessmentInfo after;
    std::shared_ptr<const Model> beforeModel;
    std::shared_ptr<const Model> afterModel;
    Comparison comparison;
};
// Refuses to compare an assessment with itself: that tells nobody anything.
Result<ComparisonState> compare(Workspace& workspace, Id before, Id after);

Result<Bundle> exportBundle(Workspace& workspace, Id id);
// The bytes of a bundle file: its JSON, or sealed with the password when one is given.
Result<std::string> bundleFileBytes(const Bundle& bundle, const Secret* password);
// Whether the file is a sealed bundle, so a front door knows to ask for the password before reading it;
// a sealed file whose header is cut or from a later release is an error here.
Result<bool> isSealedBundleFile(const std::filesystem::path& path);
// Reads and checks a bundle file (plain, or sealed with the password) without touching any database.
Result<Bundle> readBundleFile(const std::filesystem::path& path, const Secret* password = nullptr);
// A password kept in a file, so that it never appears on a command line: the whole file, less one
// trailing line break.
Result<Secret> readPasswordFile(const std::filesystem::path& path);
// All or nothing; the same bundle twice changes nothing the second time.
Result<ImportOutcome> importBundle(Workspace& workspace, const Bundle& bundle);
// Many bundles in one transaction, all or nothing; a refused one is named by its file.
Result<std::vector<ImportOutcome>> importBundles(Workspace& workspace,
                                                 const std::vector<std::pair<std::string, Bundle>>& bundles);

} // namespace mw::app
