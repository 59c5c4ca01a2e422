#include "app/documents.hpp"
#include "app/evidence_package.hpp"
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"
#include "platform/settings.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"

namespace mw::cli {

namespace {

QString count(std::size_t n, const char* one, const char* many) {
    return QString::number(n) + ' ' + QLatin1String(n == 1 ? one : many);
}

// What a merge did, and every voice both sides answered differently.
void printMerge(QTextStream& out, const QString& file, const ImportOutcome& outcome) {
    if (outcome.alreadyPresent)
        out << file << " was imported before, as assessment #" << outcome.assessmentId << "; nothing changed"
            << (outcome.differences.empty() ? "." : ": this database's answers are the later ones.") << '\n';
    else
        out << "Merged " << file << " into assessment #" << outcome.assessmentId << ": "
            << count(outcome.addedParticipants, "new participant", "new participants") << ", "
            << count(outcome.addedAnswers, "new answer", "new answers") << ", "
            << count(outcome.updatedAnswers, "answer updated", "answers updated")
            << (outcome.addedEvidence > 0
                    ? ", " + count(outcome.addedEvidence, "new piece of evidence", "new pieces of evidence")
                    : QString())
            << " from the bundle.\n";
    if (outcome.differences.empty())
        return;
    out << count(outcome.differences.size(), "voice differed", "voices differed")
        << " on both sides; the later one is kept:\n";
    for (const auto& difference : outcome.differences)
        out << "  " << q(difference) << '\n';
}

// The paper and the consultancy, as a report would have them.
ReportOptions spreadsheetOptions(const CommandContext& context) {
    ReportOptions options;
    options.pageSize = context.pageSize();
    options.branding.consultancy = savedBranding().consultancy;
    return options;
}

} // namespace

int exportCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    const QString suffix = context.outputFormat({"json", "mwz", "mwbundle", "csv", "xlsx"});
    const QString outPath = context.value("out");
    const bool sealing = suffix == "mwbundle" || context.isSet("seal") || context.isSet("password-file");
    if (sealing && suffix != "mwbundle" && suffix != "mwz")
        throw UsageError{"export: only a .mwz package or a .mwbundle bundle can be sealed"};
    // Asked before anything is read, so a mistyped password leaves nothing half-done.
    std::optional<Secret> password;
    if (sealing) {
        auto given = context.password(true);
        if (!given)
            return context.fail(given.error());
        password = std::move(*given);
    }
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    if (suffix == "mwz") {
        auto package = app::writePackage(**workspace, id, s(outPath), password ? &*password : nullptr);
        if (!package)
            return context.fail(package.error());
        context.out << "Wrote " << outPath << " (assessment #" << id << ", " << package->bundle.answers.size()
                    << " answers, "
                    << count(package->bundle.evidence.size(), "piece of evidence", "pieces of evidence")
                    << " in " << count(package->files, "file", "files")
                    << (password ? ", all sealed with the password" : "") << ").\n";
        return ExitOk;
    }
    auto bundle = app::exportBundle(**workspace, id);
    if (!bundle)
        return context.fail(bundle.error());
    Result<void> written;
    if (suffix == "json" || suffix == "mwbundle") {
        auto bytes = app::bundleFileBytes(*bundle, password ? &*password : nullptr);
        if (!bytes)
            return context.fail(bytes.error());
        written = writeFileAtomically(outPath, QByteArray::fromStdString(*bytes));
    } else if (suffix == "csv")
        written = writeAnswersCsvFile(*bundle, outPath);
    else
        written = writeXlsx(ReportData::fromBundle(*bundle), outPath, spreadsheetOptions(context));
    if (!written)
        return context.fail(written.error());
    context.out << "Wrote " << outPath << " (assessment #" << id << ", " << bundle->answers.size()
                << " answers" << (password ? ", sealed with the password" : "") << ").\n";
    if (!bundle->evidence.empty() && (suffix == "json" || suffix == "mwbundle"))
        context.out << "Left out " << count(bundle->evidence.size(), "evidence file", "evidence files")
                    << ": the bundle says what each one is and its checksum, not its bytes (export to a .mwz "
                       "package to carry them, with --seal to seal them too).\n";
    return ExitOk;
}

int importCommand(CommandContext& context) {
    QStringList files{context.positional(0, "FILE")};
    for (int i = 1; i < context.positionalCount(); ++i)
        files << context.positional(i, "FILE");
    // Every bundle is read and checked before the database is opened: a bad file touches nothing. One
    // password serves every sealed bundle of the command.
    std::optional<Secret> password;
    std::vector<std::pair<std::string, Bundle>> bundles;
    // The bundles that came in a .mwz, with what opens their files.
    std::vector<std::pair<std::size_t, std::optional<StreamKey>>> packages;
    auto askOnce = [&]() -> Result<void> {
        if (password)
            return {};
        auto given = context.password(false);
        if (!given)
            return std::unexpected(given.error());
        password = std::move(*given);
        return {};
    };
    for (const QString& file : files) {
        if (app::isPackageFile(s(file))) {
            auto sealed = app::isSealedPackage(s(file));
            if (!sealed)
                return context.fail(sealed.error());
            if (auto asked = *sealed ? askOnce() : Result<void>(); !asked)
                return context.fail(asked.error());
            auto opened = app::readPackageBundle(s(file), *sealed ? &*password : nullptr);
            if (!opened)
                return context.fail(opened.error());
            packages.emplace_back(bundles.size(), std::move(opened->filesKey));
            bundles.emplace_back(s(file), std::move(opened->bundle));
            continue;
        }
        auto sealed = app::isSealedBundleFile(s(file));
        if (!sealed)
            return context.fail(sealed.error());
        if (auto asked = *sealed ? askOnce() : Result<void>(); !asked)
            return context.fail(asked.error());
        auto bundle = app::readBundleFile(s(file), *sealed ? &*password : nullptr);
        if (!bundle)
            return context.fail(bundle.error());
        bundles.emplace_back(s(file), std::move(*bundle));
    }
    auto workspace = context.workspace(true);
    if (!workspace)
        return context.fail(workspace.error());
    // The packages' files go in first, each checked against its checksum; were the import refused, the
    // guards drop them again.
    std::vector<app::StoredFiles> stored;
    for (auto& [index, filesKey] : packages) {
        stored.emplace_back((*workspace)->store());
        if (auto copied = app::storePackageFiles(**workspace, bundles[index].first, bundles[index].second,
                                                 filesKey ? &*filesKey : nullptr, stored.back());
            !copied)
            return context.fail(copied.error());
    }
    // One bundle keeps the single import's messages; several share one transaction.
    Result<std::vector<ImportOutcome>> outcomes = std::vector<ImportOutcome>{};
    if (bundles.size() > 1) {
        outcomes = app::importBundles(**workspace, bundles);
    } else if (auto one = app::importBundle(**workspace, bundles.front().second)) {
        outcomes->push_back(std::move(*one));
    } else {
        outcomes = std::unexpected(one.error());
    }
    if (!outcomes)
        return context.fail(outcomes.error());
    for (auto& files : stored)
        files.keep();
    QTextStream& out = context.out;
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const ImportOutcome& outcome = (*outcomes)[i];
        const Bundle& bundle = bundles[i].second;
        if (outcome.merged) {
            printMerge(out, files[static_cast<int>(i)], outcome);
            continue;
        }
        out << "Imported '" << q(bundle.assessment.title) << "' for " << q(bundle.client.name)
            << " as assessment #" << outcome.assessmentId << " (" << outcome.answers << " answers"
            << (outcome.createdClient ? ", new client" : ", existing client");
        if (outcome.linkedBaseline)
            out << ", baseline #" << *outcome.linkedBaseline;
        if (outcome.addedEvidence > 0)
            out << ", " << count(outcome.addedEvidence, "piece of evidence", "pieces of evidence");
        out << ").\n";
        if (outcome.evidenceWithoutFile > 0)
            out << count(outcome.evidenceWithoutFile, "piece of evidence was", "pieces of evidence were")
                << " left out: the bundle does not carry their files, and this database does not hold "
                   "them.\n";
    }
    if (outcomes->size() > 1)
        out << "Imported " << outcomes->size() << " bundles in one transaction.\n";
    return ExitOk;
}

} // namespace mw::cli
